import { deviceTimeZone } from '@portal/ui';
import { problemFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { carePlanFactory, pageOf, visitSummaryFactory } from '../../../testing/factories';
import { fileResponse, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { captureDownloads, PATIENT_ID, signIn } from '../test-fixtures';
// Compiled up front, so the lazy routes resolve as fast as they would in a browser.
import './RecordListPages';
import './VisitSummaryPage';

describe('visit summaries and care plans', () => {
  it('opens a visit from the list: instructions, follow-up and the PDF', async () => {
    const visit = visitSummaryFactory({
      visitDate: '2026-11-02',
      diagnoses: [{ code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' }],
      instructions: 'Check your blood sugar before breakfast.\nWalk after dinner.',
      followUp: 'Come back in 3 months.',
    });
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/visit-summaries',
      pageOf([visit, visitSummaryFactory({ visitDate: '2026-06-01' })]),
    );
    const opened = mockApi(
      'get',
      '/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}',
      visit,
    );
    const pdfs = mockApi(
      'get',
      '/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}/summary.pdf',
      fileResponse('%PDF-1.4\n%%EOF\n', 'application/pdf', 'visit-summary.pdf'),
    );
    const downloads = captureDownloads();
    const { user } = renderApp({ path: '/health-record/visits' });

    const list = await screen.findByRole('list', { name: 'Your visit summaries' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Visit on November 2, 2026',
      'Visit on June 1, 2026',
    ]);

    await user.click(links[0] as HTMLElement);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Visit on November 2, 2026' }),
    ).toBeVisible();
    expect(document.title).toBe('Visit summary – Patient Portal');
    expect(opened.map((call) => call.params)).toEqual([
      { patientId: PATIENT_ID, visitSummaryId: visit.id },
    ]);
    expect(screen.getByText('Type 2 diabetes mellitus without complications')).toBeVisible();
    expect(screen.getByRole('region', { name: 'Instructions' })).toHaveTextContent(
      'Check your blood sugar before breakfast. Walk after dinner.',
    );
    expect(screen.getByRole('region', { name: 'Follow-up (what to do next)' })).toHaveTextContent(
      'Come back in 3 months.',
    );

    await user.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() =>
      expect(pdfs.map((call) => call.params)).toEqual([
        { patientId: PATIENT_ID, visitSummaryId: visit.id },
      ]),
    );
    expect(pdfs.map((call) => call.query)).toEqual([{ timeZone: deviceTimeZone() }]);
    await waitFor(() => expect(downloads.names()).toEqual(['visit-summary.pdf']));
    downloads.restore();
  });

  it('shows care plan goals and steps with their status in words', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/care-plans',
      pageOf([
        carePlanFactory({
          title: 'Diabetes plan',
          periodStart: '2026-09-01',
          periodEnd: '2027-03-01',
          goals: [
            { id: 'g1', description: 'A1c below 7 %', status: 'achieved', target: null },
            { id: 'g2', description: 'Lose 5 kg', status: 'not-achieved', target: '80 kg' },
          ],
          activities: [
            { id: 'a1', description: 'See the dietitian', status: 'completed' },
            { id: 'a2', description: 'Eye exam', status: 'not-started' },
          ],
        }),
      ]),
    );
    renderApp({ path: '/health-record/care-plans' });

    const list = await screen.findByRole('list', { name: 'Your care plans' });
    expect(within(list).getByRole('heading', { level: 2 })).toHaveTextContent('Diabetes plan');
    expect(list).toHaveTextContent('DatesSeptember 1, 2026 to March 1, 2027');
    expect(list).toHaveTextContent('A1c below 7 % Reached');
    expect(list).toHaveTextContent('Lose 5 kg Target: 80 kg Not reached');
    expect(list).toHaveTextContent('See the dietitian Done');
    expect(list).toHaveTextContent('Eye exam Not started');
  });

  it('says a visit it cannot find is not there', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}',
      problem(
        problemFactory({
          status: 404,
          code: 'record_not_found',
          title: 'Not found',
          detail: 'No record was found with this id.',
        }),
      ),
    );
    renderApp({ path: '/health-record/visits/0190b5d2-7c4e-7000-8000-00000000dead' });

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'We could not find this visit summary',
      }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to your visit summaries' })).toHaveAttribute(
      'href',
      '/health-record/visits',
    );
  });
});
