import type { JsonResponse } from '@portal/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import {
  allergyFactory,
  conditionFactory,
  immunizationFactory,
  pageOf,
} from '../../../testing/factories';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { PATIENT_ID, signIn } from '../test-fixtures';
// Compiled up front, so the lazy routes resolve as fast as they would in a browser.
import './RecordListPages';

type MedicationPage = JsonResponse<'listMedications', 200>;

describe('record section pages', () => {
  it('lists conditions newest first and shows more with the cursor', async () => {
    const conditions = Array.from({ length: 23 }, (_, index) =>
      conditionFactory({
        display: `Condition ${index + 1}`,
        onsetDate: `2026-01-${String(28 - index).padStart(2, '0')}`,
      }),
    );
    signIn();
    const calls = mockApi('get', '/api/v1/patients/{patientId}/conditions', ({ query }) =>
      query.cursor === 'page-2'
        ? pageOf(conditions.slice(20))
        : pageOf(conditions.slice(0, 20), 'page-2'),
    );
    const { user } = renderApp({ path: '/health-record/conditions' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Health conditions' }),
    ).toBeVisible();
    expect(document.title).toBe('Health conditions – Patient Portal');
    const list = await screen.findByRole('list', { name: 'Your health conditions' });
    const headings = () => within(list).getAllByRole('heading', { level: 2 });
    expect(headings()).toHaveLength(20);
    expect(headings()[0]).toHaveTextContent('Condition 1');

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(headings()).toHaveLength(23));
    await waitFor(() => expect(headings()[20]).toHaveFocus());
    expect(headings()[20]).toHaveTextContent('Condition 21');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID, PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([
      { limit: '20' },
      { limit: '20', cursor: 'page-2' },
    ]);
    expect(screen.getByRole('link', { name: 'Back to your health record' })).toHaveAttribute(
      'href',
      '/health-record',
    );
  });

  it('narrows vaccines to dates kept in the address', async () => {
    signIn();
    const flu = immunizationFactory({ display: 'Flu 2026', occurredOn: '2026-10-01' });
    const tetanus = immunizationFactory({ display: 'Tetanus 2019', occurredOn: '2019-06-01' });
    const calls = mockApi('get', '/api/v1/patients/{patientId}/immunizations', ({ query }) =>
      pageOf(query.from === '2026-01-01' ? [flu] : [flu, tetanus]),
    );
    const { user, router } = renderApp({ path: '/health-record/immunizations' });
    const list = await screen.findByRole('list', { name: 'Your vaccines' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    await user.type(screen.getByLabelText('From (date)'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Show' }));

    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-01-01'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Your vaccines' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );
    expect(screen.getByRole('list', { name: 'Your vaccines' })).toHaveTextContent('Flu 2026');
    expect(calls.at(-1)?.query).toEqual({ limit: '20', from: '2026-01-01' });

    await user.click(screen.getByRole('link', { name: 'Show all dates' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says when nothing matches the dates, and how to see everything', async () => {
    signIn();
    const calls = mockApi('get', '/api/v1/patients/{patientId}/immunizations', pageOf([]));
    renderApp({ path: '/health-record/immunizations?from=2026-01-01' });

    const empty = await screen.findByText(/Nothing matches the dates you chose\./);
    expect(calls.map((call) => call.query)).toEqual([{ limit: '20', from: '2026-01-01' }]);
    expect(within(empty).getByRole('link', { name: 'Show all dates' })).toHaveAttribute(
      'href',
      '/health-record/immunizations',
    );
  });

  it('says plainly when an allergy is severe, and when there are none', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/allergies',
      pageOf([
        allergyFactory({ substance: 'Penicillin', severity: 'severe', reaction: 'Swelling' }),
      ]),
    );
    renderApp({ path: '/health-record/allergies' });

    const list = await screen.findByRole('list', { name: 'Your allergies' });
    expect(list).toHaveTextContent(
      'Severe allergy to Penicillin. Tell every doctor, nurse and pharmacist about it.',
    );
    expect(list).toHaveTextContent('How seriousSevere reaction');
    expect(list).toHaveTextContent('TypeMedicine');
    expect(list).toHaveTextContent('ReactionSwelling');
  });

  it('says there are no allergies and what to do', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/allergies', pageOf([]));
    renderApp({ path: '/health-record/allergies' });

    expect(
      await screen.findByText(
        'No allergies are recorded. If you have an allergy, tell your care team at your next visit.',
      ),
    ).toBeInTheDocument();
  });

  it('lists medications with how to take them, and which were stopped', async () => {
    signIn();
    const page = {
      items: [
        {
          id: '0190b5d2-7c4e-7000-8000-00000000a001',
          patientId: PATIENT_ID,
          version: 1,
          corrected: false,
          recordedAt: '2026-01-05T15:00:00.000Z',
          updatedAt: '2026-01-05T15:00:00.000Z',
          recordedBy: null,
          rxnormCode: '314076',
          display: 'lisinopril 10 MG Oral Tablet',
          plainName: 'Lisinopril 10 mg tablet',
          dose: '10 mg',
          route: 'oral',
          frequency: 'Once a day',
          instructions: 'Take in the morning.',
          prescriber: 'Dr. Priya Shah',
          startDate: '2026-01-05',
          endDate: null,
          status: 'active',
          refillsRemaining: 3,
          lastFilledOn: '2026-01-05',
          pharmacy: 'Main Street Pharmacy',
          controlled: false,
        },
        {
          id: '0190b5d2-7c4e-7000-8000-00000000a002',
          patientId: PATIENT_ID,
          version: 2,
          corrected: true,
          recordedAt: '2025-03-01T15:00:00.000Z',
          updatedAt: '2025-12-01T15:00:00.000Z',
          recordedBy: null,
          rxnormCode: '310798',
          display: 'hydrochlorothiazide 25 MG Oral Tablet',
          plainName: null,
          dose: '25 mg',
          route: null,
          frequency: null,
          instructions: null,
          prescriber: null,
          startDate: '2025-03-01',
          endDate: '2025-12-01',
          status: 'stopped',
          refillsRemaining: null,
          lastFilledOn: null,
          pharmacy: null,
          controlled: false,
        },
      ],
      nextCursor: null,
    } satisfies MedicationPage;
    const calls = mockApi('get', '/api/v1/patients/{patientId}/medications', page);
    renderApp({ path: '/health-record/medications' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Medications' })).toBeVisible();
    const list = await screen.findByRole('list', { name: 'Your medications' });
    const [taking, stopped] = within(list).getAllByRole('listitem');
    expect(within(taking!).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Lisinopril 10 mg tablet',
    );
    expect(taking).toHaveTextContent('StatusTaking');
    expect(taking).toHaveTextContent('How to take it10 mg, by mouth, Once a day');
    expect(taking).toHaveTextContent('Refills left3');
    expect(taking).toHaveTextContent('PharmacyMain Street Pharmacy');
    expect(within(stopped!).getByRole('heading', { level: 2 })).toHaveTextContent(
      'hydrochlorothiazide 25 MG Oral Tablet',
    );
    expect(stopped).toHaveTextContent('StatusStopped');
    expect(stopped).not.toHaveTextContent('Refills left');
    expect(calls.map((call) => call.query)).toEqual([{ limit: '20' }]);
  });
});
