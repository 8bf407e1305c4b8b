import { deviceTimeZone } from '@portal/ui';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import {
  allergyFactory,
  carePlanFactory,
  conditionFactory,
  emptyHealthSummary,
  immunizationFactory,
  resultReportFactory,
  resultSummaryOf,
  visitSummaryFactory,
  vitalSignFactory,
} from '../../../testing/factories';
import { fileResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { captureDownloads, PATIENT_ID, signIn } from '../test-fixtures';
// Compiled up front, so the lazy route resolves as fast as it would in a browser.
import './HealthRecordPage';

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('health record summary', () => {
  it('shows each part of the record with a link to its own page', async () => {
    const visit = visitSummaryFactory({ visitDate: '2026-11-02' });
    signIn();
    const summaries = mockApi('get', '/api/v1/patients/{patientId}/health-summary', {
      ...emptyHealthSummary(PATIENT_ID),
      recentResults: [
        resultReportFactory({ isNew: true }),
        resultReportFactory({ isNew: true }),
      ].map(resultSummaryOf),
      newResultsCount: 2,
      activeConditions: [conditionFactory({ code: 'I10', onsetDate: '2024-03-05' })],
      allergies: [
        allergyFactory({ substance: 'Pollen', category: 'environment', severity: 'mild' }),
        allergyFactory({ substance: 'Peanuts', category: 'food', severity: 'severe' }),
      ],
      recentImmunizations: [immunizationFactory({ occurredOn: '2026-10-01', doseNumber: 2 })],
      latestVitals: [
        vitalSignFactory({
          code: '8867-4',
          display: 'Heart rate',
          valueQuantity: 72,
          unit: '/min',
        }),
        vitalSignFactory({
          code: '8480-6',
          display: 'Systolic blood pressure',
          valueQuantity: 150,
          unit: 'mm[Hg]',
          abnormal: true,
          interpretation: 'H',
        }),
      ],
      activeCarePlans: [carePlanFactory()],
      lastVisitSummary: visit,
    });
    renderApp({ path: '/health-record' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Health record' })).toBeVisible();
    expect(document.title).toBe('Health record – Patient Portal');
    const conditions = await screen.findByRole('region', { name: 'Health conditions' });
    expect(summaries.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);

    expect(section('Test results')).toHaveTextContent('You have 2 new test results.');
    expect(within(section('Test results')).getByRole('link')).toHaveAttribute('href', '/results');

    expect(
      within(conditions)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['High blood pressure']);
    // The everyday name leads; the medical term and its code stay beside it.
    expect(
      within(conditions).getByText('Medical term: Essential (primary) hypertension (I10)'),
    ).toBeVisible();
    expect(conditions).toHaveTextContent('StatusActive (ongoing)');
    expect(conditions).toHaveTextContent('StartedMarch 5, 2024');
    expect(
      within(conditions).getByRole('link', { name: 'See all health conditions' }),
    ).toHaveAttribute('href', '/health-record/conditions');

    const allergies = section('Allergies');
    const allergyNames = within(allergies).getAllByRole('heading', { level: 3 });
    expect(allergyNames.map((h) => h.textContent)).toEqual(['Peanuts', 'Pollen']);
    expect(allergies).toHaveTextContent(
      'Severe allergy to Peanuts. Tell every doctor, nurse and pharmacist about it.',
    );
    expect(allergies).toHaveTextContent('Something around you, like pollen, dust or animals');

    const vaccines = section('Vaccines (immunizations)');
    expect(within(vaccines).getByRole('heading', { level: 3 })).toHaveTextContent('Flu shot');
    expect(vaccines).toHaveTextContent(
      'Medical term: Influenza, injectable, quadrivalent, preservative free',
    );
    expect(vaccines).toHaveTextContent('Date givenOctober 1, 2026');
    expect(vaccines).toHaveTextContent('DoseDose 2');

    const vitals = section('Vital signs');
    expect(vitals).toHaveTextContent('72 beats per minute');
    expect(vitals).toHaveTextContent('150 mmHg ! Outside the usual range');
    expect(
      within(vitals).getByRole('link', { name: 'See changes over time for Heart rate' }),
    ).toHaveAttribute('href', '/results/trends/8867-4');

    const plans = section('Care plans');
    expect(plans).toHaveTextContent(
      'Blood pressure below 130/80 Target: 130/80 mmHg Working on it',
    );
    expect(plans).toHaveTextContent('Blood test in 3 months Scheduled');

    const lastVisit = section('Your last visit');
    expect(
      within(lastVisit).getByRole('link', { name: 'Visit on November 2, 2026' }),
    ).toHaveAttribute('href', `/health-record/visits/${visit.id}`);
    expect(lastVisit).toHaveTextContent('Seen byDr. Priya Shah');
    // No diagnosis or test name in the tab title.
    expect(document.title).not.toMatch(/hypertension|Peanuts/i);
  });

  it('links to the medication list beside the allergies', async () => {
    signIn();
    renderApp({ path: '/health-record' });

    const medications = await screen.findByRole('region', { name: 'Medications' });
    expect(medications).toHaveTextContent('with how to take them');
    expect(within(medications).getByRole('link', { name: 'See your medications' })).toHaveAttribute(
      'href',
      '/health-record/medications',
    );
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Medications')).toBe(headings.indexOf('Allergies') + 1);
  });

  it('says what is empty and what to do next', async () => {
    signIn();
    renderApp({ path: '/health-record' });

    await screen.findByRole('region', { name: 'Health conditions' });
    expect(section('Health conditions')).toHaveTextContent(
      'No current health conditions are recorded.',
    );
    expect(section('Allergies')).toHaveTextContent(
      'No allergies are recorded. If you have an allergy, tell your care team at your next visit.',
    );
    expect(section('Vaccines (immunizations)')).toHaveTextContent(
      'If you had vaccines somewhere else, bring the record to your next visit.',
    );
    expect(section('Vital signs')).toHaveTextContent('No vital signs are recorded yet.');
    expect(section('Care plans')).toHaveTextContent('No active care plans.');
    expect(section('Your last visit')).toHaveTextContent(
      'No visit summaries yet. After a visit, its summary will show here.',
    );
    expect(section('Test results')).not.toHaveTextContent('new test result');
  });

  it('downloads the whole record as a PDF and as a FHIR file', async () => {
    signIn();
    const pdfs = mockApi(
      'get',
      '/api/v1/patients/{patientId}/health-record.pdf',
      fileResponse('%PDF-1.4\n%%EOF\n', 'application/pdf', 'health-record.pdf'),
    );
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [] };
    const fhirs = mockApi(
      'get',
      '/api/v1/patients/{patientId}/health-record.fhir.json',
      fileResponse(JSON.stringify(bundle), 'application/fhir+json', 'health-record.fhir.json'),
    );
    const downloads = captureDownloads();
    const { user } = renderApp({ path: '/health-record' });

    const files = await screen.findByRole('region', { name: 'Download your health record' });
    expect(files).toHaveTextContent(
      'FHIR is a standard file format that other health apps and doctors’ computer systems can read.',
    );
    await user.click(
      within(files).getByRole('button', { name: 'Download my health record (PDF)' }),
    );
    await waitFor(() => expect(pdfs).toHaveLength(1));
    await user.click(
      within(files).getByRole('button', { name: 'Download for another app (FHIR)' }),
    );
    await waitFor(() => expect(fhirs).toHaveLength(1));

    expect([...pdfs, ...fhirs].map((call) => call.params.patientId)).toEqual([
      PATIENT_ID,
      PATIENT_ID,
    ]);
    // The PDF's times are asked for in the device's zone.
    expect(pdfs.map((call) => call.query)).toEqual([{ timeZone: deviceTimeZone() }]);
    await waitFor(() => expect(downloads.names()).toHaveLength(2));
    expect(downloads.names()).toEqual(['health-record.pdf', 'health-record.fhir.json']);
    expect(downloads.blobs.map((blob) => blob.type)).toEqual([
      'application/pdf',
      'application/fhir+json',
    ]);
    expect(JSON.parse(await (downloads.blobs[1] as Blob).text())).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
    });
    downloads.restore();
  });

  it('says so in words when the summary cannot be loaded', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/health-summary', HttpResponse.error());
    renderApp({ path: '/health-record' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not load your health recordCheck your internet connection, then try again.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // The downloads do not need the summary.
    expect(
      screen.getByRole('button', { name: 'Download my health record (PDF)' }),
    ).toBeInTheDocument();
  });
});
