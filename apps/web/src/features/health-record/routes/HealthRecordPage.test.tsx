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

/** The button that folds and unfolds a part of the summary (its heading). */
function toggleOf(name: string): HTMLElement {
  return within(section(name)).getByRole('button', {
    name: (accessibleName) => accessibleName.startsWith(name),
  });
}

describe('health record summary', () => {
  it('shows each part of the record with a link to its own page', async () => {
    const visit = visitSummaryFactory({ visitDate: '2026-11-02' });
    // Both numbers of one blood pressure reading, taken at the same moment.
    const measuredAt = new Date(Date.now() - 86_400_000).toISOString();
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
        // The bottom number first, as the API may list them: shown as one reading, top first.
        vitalSignFactory({
          code: '8462-4',
          display: 'Diastolic blood pressure',
          valueQuantity: 95,
          unit: 'mm[Hg]',
          abnormal: true,
          interpretation: 'H',
          effectiveAt: measuredAt,
        }),
        vitalSignFactory({
          code: '8480-6',
          display: 'Systolic blood pressure',
          valueQuantity: 150,
          unit: 'mm[Hg]',
          abnormal: true,
          interpretation: 'H',
          effectiveAt: measuredAt,
        }),
      ],
      activeCarePlans: [carePlanFactory()],
      lastVisitSummary: visit,
    });
    const { user } = renderApp({ path: '/health-record' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Health record' })).toBeVisible();
    expect(document.title).toBe('Health record – Patient Portal');
    const conditions = await screen.findByRole('region', { name: 'Health conditions' });
    expect(summaries.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);

    // Each part starts folded to its heading, a count and a line of what it holds.
    expect(toggleOf('Health conditions')).toHaveAccessibleName('Health conditions 1');
    expect(toggleOf('Health conditions')).toHaveAttribute('aria-expanded', 'false');
    expect(within(conditions).queryByRole('heading', { level: 3 })).not.toBeInTheDocument();
    expect(conditions).toHaveTextContent('High blood pressure');
    expect(toggleOf('Allergies')).toHaveAccessibleName('Allergies 2');
    // A severe allergy is said even while its part is folded.
    expect(within(section('Allergies')).getByText('Severe allergy: Peanuts.')).toBeVisible();
    expect(
      within(section('Allergies')).getByText('Severe allergy: Peanuts.').parentElement,
    ).toHaveTextContent('Severe allergy: Peanuts. Pollen');
    // Two numbers of blood pressure are one reading.
    expect(toggleOf('Vital signs')).toHaveAccessibleName('Vital signs 2');
    expect(
      within(section('Vital signs')).getByText(
        'Heart rate 72 beats per minute, Blood pressure 150/95 mmHg',
      ),
    ).toBeVisible();
    for (const name of [
      'Health conditions',
      'Allergies',
      'Vaccines (immunizations)',
      'Vital signs',
      'Care plans',
      'Your last visit',
    ]) {
      await user.click(toggleOf(name));
      expect(toggleOf(name)).toHaveAttribute('aria-expanded', 'true');
    }

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
    expect(
      within(vitals)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Heart rate', 'Blood pressure']);
    expect(vitals).toHaveTextContent('150/95 mmHg ! Outside the usual range');
    expect(vitals).toHaveTextContent('Top number (systolic) 150, bottom number (diastolic) 95.');
    // No card of the bottom number alone.
    expect(vitals).not.toHaveTextContent(/(?<!\/)95 mmHg/);
    expect(
      within(vitals).getByRole('link', { name: 'See changes over time for Blood pressure' }),
    ).toHaveAttribute('href', '/results/trends/8480-6');
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
    const parts = screen
      .getAllByRole('region')
      .map((region) => region.getAttribute('aria-labelledby'));
    expect(parts.indexOf('record-medications')).toBe(parts.indexOf('record-allergies') + 1);
  });

  it('jumps to a part from the list at the top, opening it and moving focus there', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/health-summary', {
      ...emptyHealthSummary(PATIENT_ID),
      activeConditions: [conditionFactory(), conditionFactory({ plainName: 'Asthma' })],
      activeCarePlans: [carePlanFactory()],
    });
    const { user } = renderApp({ path: '/health-record' });

    const jump = await screen.findByRole('navigation', { name: 'Parts of your health record' });
    expect(
      within(jump)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Test results',
      'Health conditions · 2',
      'Allergies',
      'Medications',
      'Vaccines (immunizations)',
      'Vital signs',
      'Care plans · 1',
      'Your last visit',
      'Download your health record',
    ]);
    await screen.findByRole('region', { name: 'Care plans' });
    expect(toggleOf('Care plans')).toHaveAttribute('aria-expanded', 'false');
    await user.click(within(jump).getByRole('link', { name: 'Care plans 1' }));
    expect(toggleOf('Care plans')).toHaveFocus();
    expect(toggleOf('Care plans')).toHaveAttribute('aria-expanded', 'true');
    expect(within(section('Care plans')).getByRole('heading', { level: 3 })).toBeVisible();
    // A part with nothing to fold takes focus at its heading.
    await user.click(within(jump).getByRole('link', { name: 'Download your health record' }));
    expect(
      within(section('Download your health record')).getByRole('heading', { level: 2 }),
    ).toHaveFocus();

    // By keyboard: Enter on a part's heading opens it, and again folds it.
    toggleOf('Health conditions').focus();
    await user.keyboard('{Enter}');
    expect(toggleOf('Health conditions')).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(section('Health conditions'))
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['High blood pressure', 'Asthma']);
    await user.keyboard(' ');
    expect(toggleOf('Health conditions')).toHaveAttribute('aria-expanded', 'false');
    expect(section('Health conditions')).toHaveTextContent('High blood pressure, Asthma');
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
