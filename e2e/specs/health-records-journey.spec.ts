/**
 * The health record journeys, end to end in a real browser, once on a phone (360 px) and once
 * on a desktop:
 *
 * 1. a provider finds a demo patient, opens the chart's Results tab and enters an HbA1c of
 *    8.1 % (above the usual 4–5.6 %). Laboratory results wait for a provider's review (the
 *    clinic's policy is set so for this spec), so the report shows as held; the provider
 *    releases it and it shows as released. The patient gets an email that a result is ready,
 *    naming no test and no value;
 * 2. the patient signs in: Home points to new test results; the new report is first in the
 *    list, marked "New" and outside the usual range in words; opened, it says the value is
 *    higher than the usual range, and it is no longer new; its trend has a chart with a table
 *    of the same values, the new one included; the report downloads as a PDF; the health
 *    record summary shows its sections, high blood pressure among the conditions, and the
 *    whole record downloads as a PDF and as a FHIR Bundle.
 *
 * Each viewport has its own patient (Alex on the phone, Jordan on the desktop), and each run
 * adds one report and finds it by its id, so runs never meet and reruns on the same database
 * pass. Every screen is checked with axe and for page errors; on the phone, no screen scrolls
 * sideways. The release policy is set back to "immediate" after the spec, whatever happened.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import {
  checkScreen,
  emailContent,
  PageApi,
  plainSpaces,
  waitForEmailTitled,
} from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import { baseUrl } from '../support/env.js';
import {
  outboxSnapshot,
  ScreenChecker,
  SCREEN_TIMEOUT_MS,
  signInStaff,
  waitForHeading,
  waitForVisible,
} from '../support/journey.js';
import { listEmails } from '../support/outbox.js';
import {
  DEMO_PASSWORD,
  DEMO_PATIENTS,
  downloadThrough,
  FOLDING_RECORD_PARTS,
  expectPdf,
  isCoded,
  openRecordSection,
  recordSection,
  resourcesOf,
  openSignedInPatient,
  StaffApiSession,
  type FhirBundle,
} from '../support/records.js';

const PROVIDER = {
  username: 'provider.demo',
  password: DEMO_PASSWORD,
  email: 'provider.demo@portal.localhost',
};
const ADMIN = {
  username: 'admin.demo',
  password: DEMO_PASSWORD,
  email: 'admin.demo@portal.localhost',
};
/** provider.demo, named nowhere in the email to the patient. */
const PROVIDER_NAME = 'Priya Shah';

/** Sign-ins hash with argon2id, mail goes through a queue and PDFs are made on the server. */
const JOURNEY_TIMEOUT_MS = 180_000;
const POLICY_TIMEOUT_MS = 60_000;

const PATIENTS = DEMO_PATIENTS;

/** The result entered: HbA1c above its usual range of 4 to 5.6 %. */
const HBA1C = {
  loinc: '4548-4',
  title: 'Hemoglobin A1c',
  value: '8.1',
  unit: '%',
  low: '4',
  high: '5.6',
};
const RESULT_EMAIL_SUBJECT = /test result/i;
/** Anything of the result that must stay out of an inbox. */
const NOT_IN_EMAIL = ['HbA1c', 'A1c', 'Hemoglobin', HBA1C.loinc, HBA1C.value, PROVIDER_NAME];

/** What the provider's journey hands the patient's: the report it released. */
interface ReleasedReport {
  patientId: string;
  reportId: string;
  effectiveAt: string;
}

interface ReportView {
  id: string;
  patientId: string;
  code: string | null;
  title: string;
  effectiveAt: string;
  releaseState: 'held' | 'released';
  abnormal: boolean;
  isNew: boolean;
  observations: {
    code: string;
    valueQuantity: number | null;
    unit: string | null;
    interpretation: string | null;
  }[];
}

interface Patient {
  id: string;
  givenName: string;
  familyName: string;
}

async function textOf(locator: Locator): Promise<string> {
  return plainSpaces(await locator.innerText());
}

/** The items of a list (its direct <li> children). */
function listItems(list: Locator): Locator {
  return list.locator(':scope > li');
}

/** The report id a results link leads to ("/results/<id>"). */
async function reportIdOfLink(link: Locator): Promise<string> {
  const href = (await link.getAttribute('href')) ?? '';
  const match = /\/results\/([^/?#]+)$/.exec(new URL(href, baseUrl()).pathname);
  if (!match?.[1]) throw new Error(`A result card links to ${href}, not to a result.`);
  return decodeURIComponent(match[1]);
}

/** Waits for an element to leave the screen, failing with `what` after the screen timeout. */
async function waitForGone(locator: Locator, what: string): Promise<void> {
  try {
    await locator.waitFor({ state: 'hidden', timeout: SCREEN_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`Expected ${what} within ${SCREEN_TIMEOUT_MS / 1000} s.`, { cause: error });
  }
}

/**
 * Laboratory results wait for a provider's review while the spec runs, so the journey sees a
 * held report released. Set back to the default, "immediate", afterwards, even after a failure.
 */
beforeAll(async () => {
  const admin = await StaffApiSession.signIn(ADMIN);
  try {
    await admin.setReleaseMode('laboratory', 'review');
  } finally {
    await admin.dispose();
  }
}, POLICY_TIMEOUT_MS);

afterAll(async () => {
  const admin = await StaffApiSession.signIn(ADMIN);
  try {
    await admin.setReleaseMode('laboratory', 'immediate');
  } finally {
    await admin.dispose();
  }
}, POLICY_TIMEOUT_MS);

// --- 1. the provider ------------------------------------------------------------------------

async function providerJourney(viewport: Viewport): Promise<ReleasedReport> {
  const who = PATIENTS[viewport];
  const fullName = `${who.givenName} ${who.familyName}`;
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);

  const page = await openPage(viewport);
  expect((await page.goto('/admin/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await check(page, 'staff sign-in');
  await signInStaff(page, screens, PROVIDER);
  await check(page, 'staff home');
  const api = new PageApi(page);

  // Find the patient by family name and open the chart.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Patients', exact: true })
    .click();
  await waitForHeading(page, 'Patients', 'patient search');
  await check(page, 'patient search');
  await page.getByLabel('Search patients', { exact: true }).fill(who.familyName);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const found = page
    .getByRole('table', { name: `Patients matching “${who.familyName}”, by family name` })
    .getByRole('link', { name: `${who.familyName}, ${who.givenName}`, exact: true });
  await waitForVisible(page, found, `${fullName} among the patients found`);
  await check(page, 'patient search: found');
  await found.click();
  await waitForHeading(page, fullName, 'patient chart');
  await waitForVisible(
    page,
    page.getByRole('navigation', { name: 'Patient record sections' }),
    'the chart’s tabs',
  );
  await check(page, 'patient chart: details');

  // The Results tab: reports newest first, and the button to enter one.
  const resultsTab = page
    .getByRole('navigation', { name: 'Patient record sections' })
    .getByRole('link', { name: 'Results', exact: true });
  await resultsTab.click();
  const reports = page.getByRole('table', { name: 'Reports', exact: true });
  await waitForVisible(page, reports, 'the reports in the chart’s Results tab');
  await expect(resultsTab.getAttribute('aria-current')).resolves.toBe('page');
  await check(page, 'patient chart: results');
  const patientId = /\/patients\/([^/]+)\/results/.exec(new URL(page.url()).pathname)?.[1];
  if (!patientId) throw new Error(`The Results tab is at ${page.url()}, not under a patient.`);
  const patient = await api.get<Patient>(`/api/v1/patients/${patientId}`);
  expect({ givenName: patient.givenName, familyName: patient.familyName }).toEqual({
    givenName: who.givenName,
    familyName: who.familyName,
  });

  // Enter the result: a laboratory report with one value, the test picked by its LOINC code.
  await page.getByRole('button', { name: 'Enter a result', exact: true }).click();
  const form = page.getByRole('form', { name: 'Enter a result' });
  await waitForVisible(page, form, 'the form to enter a result');
  await expect(
    form.getByLabel('Category', { exact: true }).evaluate((el) => (el as HTMLSelectElement).value),
  ).resolves.toBe('laboratory');
  await form.getByLabel('Title', { exact: true }).fill(HBA1C.title);
  const test = form.getByRole('combobox', { name: 'Test', exact: true });
  await test.fill(HBA1C.loinc);
  const option = form.getByRole('option', { name: new RegExp(`^${HBA1C.loinc} `) });
  await waitForVisible(page, option, `the test ${HBA1C.loinc} offered in the list`);
  await check(page, 'enter a result: picking the test');
  await option.click();
  await expect(test.inputValue()).resolves.toMatch(new RegExp(`^${HBA1C.loinc} `));
  await form.getByLabel('Value', { exact: true }).fill(HBA1C.value);
  // The unit and the usual range come with the test.
  await expect(
    form.getByLabel('Unit', { exact: true }).evaluate((el) => (el as HTMLSelectElement).value),
  ).resolves.toBe(HBA1C.unit);
  await expect(form.getByLabel('Range low (optional)', { exact: true }).inputValue()).resolves.toBe(
    HBA1C.low,
  );
  await expect(
    form.getByLabel('Range high (optional)', { exact: true }).inputValue(),
  ).resolves.toBe(HBA1C.high);
  await check(page, 'enter a result: filled in');
  const beforeSaving = await outboxSnapshot();
  await form.getByRole('button', { name: 'Save result', exact: true }).click();

  // Held for review: the report opens, marked held, its value flagged high.
  await waitForVisible(
    page,
    page.getByText(`${HBA1C.title} is saved and held for a provider's review.`),
    'the "saved and held" message',
  );
  await page.waitForURL((url) => url.searchParams.has('report'));
  const reportId = new URL(page.url()).searchParams.get('report') ?? '';
  const detail = page.getByRole('region', { name: HBA1C.title, exact: true });
  await waitForVisible(page, detail, 'the report just entered');
  await waitForVisible(
    page,
    detail.getByText('Held: the patient does not see this yet.'),
    'the report marked held',
  );
  const valueRow = detail
    .getByRole('table', { name: `Values of ${HBA1C.title}` })
    .getByRole('row')
    .filter({ hasText: HBA1C.loinc });
  const valueText = await textOf(valueRow);
  expect(valueText).toContain(`${HBA1C.value} ${HBA1C.unit}`);
  expect(valueText).toContain(`${HBA1C.low}–${HBA1C.high}`);
  // Above the range, and not called critical: only the sender of a result can say that.
  expect(valueText).toMatch(/\bHigh\b/);
  expect(valueText).not.toContain('Critically');
  expect(await textOf(detail)).toContain('Outside the usual range');
  const listedRow = reports.locator('tbody tr[aria-current="true"]');
  await waitForVisible(
    page,
    listedRow.getByText('Held', { exact: true }),
    'the report listed as held',
  );
  expect(await textOf(listedRow)).toContain(HBA1C.title);
  const held = await api.get<ReportView>(`/api/v1/patients/${patientId}/results/${reportId}`);
  expect(held).toMatchObject({ releaseState: 'held', abnormal: true });
  expect(held.observations).toEqual([
    expect.objectContaining({
      code: HBA1C.loinc,
      valueQuantity: 8.1,
      unit: '%',
      interpretation: 'H',
    }),
  ]);
  await check(page, 'results: report held');

  // Release it: one confirmation, then it is released.
  await detail.getByRole('button', { name: 'Release to patient', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Release this result?' });
  await waitForVisible(page, dialog, 'the release confirmation');
  expect(await textOf(dialog)).toContain(`${HBA1C.title} will show in the patient's portal`);
  await check(page, 'results: release confirmation');
  await dialog.getByRole('button', { name: 'Release to patient', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText(`${HBA1C.title} is released. The patient gets an email.`),
    'the "released" message',
  );
  await waitForGone(dialog, 'the release confirmation to close');
  await waitForVisible(page, detail.getByText('Released', { exact: true }), 'the report released');
  await waitForGone(
    detail.getByText('Held: the patient does not see this yet.'),
    'the held note to go',
  );
  await waitForVisible(
    page,
    listedRow.getByText('Released', { exact: true }),
    'the report listed as released',
  );
  const released = await api.get<ReportView>(`/api/v1/patients/${patientId}/results/${reportId}`);
  expect(released.releaseState).toBe('released');
  await check(page, 'results: report released');

  // One email to the patient: a result is ready, and nothing of what it is.
  const email = await waitForEmailTitled(who.email, RESULT_EMAIL_SUBJECT, beforeSaving);
  const content = emailContent(email);
  expect(content).toContain('A new test result is available in your patient portal.');
  expect(email.links).toContain(`${baseUrl()}/results`);
  for (const secret of NOT_IN_EMAIL) {
    expect({ secret, inEmail: content.includes(secret) }).toEqual({ secret, inEmail: false });
  }
  const resultEmails = (await listEmails()).filter(
    (mail) =>
      !beforeSaving.has(mail.file) &&
      mail.to.toLowerCase().includes(who.email) &&
      RESULT_EMAIL_SUBJECT.test(mail.subject),
  );
  expect(resultEmails).toHaveLength(1);

  expect(screens.checked).toEqual(
    expect.arrayContaining([
      'patient chart: results',
      'enter a result: picking the test',
      'enter a result: filled in',
      'results: report held',
      'results: release confirmation',
      'results: report released',
    ]),
  );
  return { patientId, reportId, effectiveAt: released.effectiveAt };
}

// --- 2. the patient -------------------------------------------------------------------------

async function patientJourney(viewport: Viewport, report: ReleasedReport): Promise<void> {
  const who = PATIENTS[viewport];
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);

  const page = await openSignedInPatient(viewport, who, check);
  const api = new PageApi(page);
  await expect(api.ownPatientId()).resolves.toBe(report.patientId);

  // Home: the new results, counted, never named.
  const { newResultsCount } = await api.get<{ newResultsCount: number }>(
    `/api/v1/patients/${report.patientId}/health-summary`,
  );
  expect(newResultsCount).toBeGreaterThanOrEqual(1);
  const card = page.getByRole('region', { name: 'New test results', exact: true });
  // The card holds its place while the count loads; wait for the count itself.
  const countLine =
    newResultsCount === 1
      ? 'You have 1 new test result.'
      : `You have ${newResultsCount} new test results.`;
  await waitForVisible(page, card.getByText(countLine), 'the count of new test results on Home');
  const cardText = await textOf(card);
  expect(cardText).not.toContain(HBA1C.title);
  expect(cardText).not.toContain(HBA1C.value);
  await check(page, 'patient home: new results');

  // The list: the new report first, "New", and outside the usual range in words.
  await card.getByRole('link', { name: 'See your test results', exact: true }).click();
  await waitForHeading(page, 'Test results', 'test results');
  const list = page.getByRole('list', { name: 'Your test results, newest first' });
  const first = listItems(list).first();
  await waitForVisible(page, first, 'the first test result');
  const firstLink = first.getByRole('heading', { level: 2 }).getByRole('link');
  expect(await reportIdOfLink(firstLink)).toBe(report.reportId);
  expect(await textOf(firstLink)).toBe(HBA1C.title);
  const newBadge = first.getByText('New', { exact: true });
  await waitForVisible(page, newBadge, 'the "New" badge on the new result');
  expect(await textOf(first)).toContain('Outside the usual range');
  await expect(first.locator('time').getAttribute('datetime')).resolves.toBe(report.effectiveAt);
  await check(page, 'test results: a new result');

  // Opened: the value against the usual range in a sentence.
  await firstLink.click();
  await waitForHeading(page, HBA1C.title, 'test result');
  const value = page
    .getByRole('region', { name: 'Your results', exact: true })
    .locator('li')
    .first();
  await waitForVisible(page, value, 'the value of the result');
  const sentence = await textOf(value.locator('p', { hasText: 'Your result is' }));
  expect(sentence).toBe(
    'Your result is 8.1 %. The usual range is 4.0 to 5.6 %. This is higher than the usual range.',
  );
  expect(await textOf(value)).toContain('Higher than the usual range');
  await check(page, 'test result');

  // Back on the list, it is no longer new.
  await page.getByRole('link', { name: 'Back to your test results', exact: true }).click();
  await waitForHeading(page, 'Test results', 'test results after opening one');
  await waitForVisible(page, first, 'the first test result after opening it');
  expect(await reportIdOfLink(firstLink)).toBe(report.reportId);
  await waitForGone(newBadge, 'the "New" badge to go once the result was opened');
  await check(page, 'test results: the result opened');
  const opened = await api.get<ReportView>(
    `/api/v1/patients/${report.patientId}/results/${report.reportId}`,
  );
  expect(opened.isNew).toBe(false);

  // The trend: a chart, and the same values as a table, the new one first.
  await firstLink.click();
  await waitForHeading(page, HBA1C.title, 'test result, opened again');
  await page.getByRole('link', { name: /^See changes over time/ }).click();
  await waitForHeading(page, /over time$/, 'test trend');
  const chart = page.getByRole('img', { name: /^Chart of your .+ results over time$/ });
  await waitForVisible(page, chart, 'the trend chart');
  const table = page.getByRole('table', { name: /^Your .+ results, newest first$/ });
  await waitForVisible(page, table, 'the table of the trend’s values');
  const newest = table.locator('tbody tr').first();
  await expect(newest.locator('time').getAttribute('datetime')).resolves.toBe(report.effectiveAt);
  const newestText = await textOf(newest);
  expect(newestText).toContain(`${HBA1C.value} ${HBA1C.unit}`);
  expect(newestText).toContain('Higher than the usual range');
  // The seeded history is there too: years of results every four months.
  await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(10);
  await check(page, 'test trend');

  // The report as a PDF.
  await page.goBack();
  await waitForHeading(page, HBA1C.title, 'test result, back from the trend');
  const resultPdf = await downloadThrough(
    page,
    page.getByRole('button', { name: 'Download PDF', exact: true }),
  );
  expectPdf(resultPdf, 'test-result.pdf');
  await check(page, 'test result: PDF downloaded');

  // The health record: its summary, and the whole record as a PDF and a FHIR file.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Health record', exact: true })
    .click();
  await waitForHeading(page, 'Health record', 'health record');
  const conditions = recordSection(page, 'Health conditions');
  await waitForVisible(page, conditions, 'the health conditions');
  const sections = await page
    .getByRole('region')
    .evaluateAll((regions) =>
      regions.map(
        (region) =>
          document.getElementById(region.getAttribute('aria-labelledby') ?? '')?.textContent,
      ),
    );
  expect(sections).toEqual(
    expect.arrayContaining([
      'Test results',
      ...FOLDING_RECORD_PARTS,
      'Download your health record',
    ]),
  );
  // The parts start folded to a count; open the ones read here.
  for (const name of FOLDING_RECORD_PARTS) {
    await openRecordSection(page, name);
  }
  const hypertension = conditions
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'High blood pressure' }) });
  await waitForVisible(page, hypertension, 'high blood pressure among the conditions');
  expect(await textOf(hypertension)).toContain(
    'Medical term: Essential (primary) hypertension (I10)',
  );
  for (const name of ['Allergies', 'Vaccines (immunizations)', 'Vital signs', 'Care plans']) {
    await expect(recordSection(page, name).getByRole('listitem').count()).resolves.toBeGreaterThan(
      0,
    );
  }
  await check(page, 'health record');

  const recordPdf = await downloadThrough(
    page,
    page.getByRole('button', { name: 'Download my health record (PDF)', exact: true }),
  );
  expectPdf(recordPdf, 'health-record.pdf');
  const fhirFile = await downloadThrough(
    page,
    page.getByRole('button', { name: 'Download for another app (FHIR)', exact: true }),
  );
  expect(fhirFile.fileName).toBe('health-record.fhir.json');
  const bundle = JSON.parse(fhirFile.content.toString('utf8')) as FhirBundle;
  expect({ resourceType: bundle.resourceType, type: bundle.type }).toEqual({
    resourceType: 'Bundle',
    type: 'collection',
  });
  expect(resourcesOf(bundle, 'Patient')).toHaveLength(1);
  expect(
    resourcesOf(bundle, 'Condition').some((condition) =>
      isCoded(condition, 'http://hl7.org/fhir/sid/icd-10-cm', 'I10'),
    ),
  ).toBe(true);
  expect(
    resourcesOf(bundle, 'Observation').some(
      (observation) =>
        isCoded(observation, 'http://loinc.org', HBA1C.loinc) &&
        observation.valueQuantity?.value === Number(HBA1C.value),
    ),
  ).toBe(true);
  await check(page, 'health record: files downloaded');

  expect(screens.checked).toEqual(
    expect.arrayContaining([
      'patient home: new results',
      'test results: a new result',
      'test result',
      'test results: the result opened',
      'test trend',
      'health record',
    ]),
  );
}

describe.each<Viewport>(['phone', 'desktop'])('health records on a %s', (viewport) => {
  let released: ReleasedReport | null = null;

  it(
    'a provider enters an HbA1c result, held for review, releases it, and the email names nothing',
    async () => {
      released = await providerJourney(viewport);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'the patient finds the new result, reads it, sees its trend and downloads the record',
    async () => {
      if (!released) {
        throw new Error('No result was released to the patient: the provider’s journey failed.');
      }
      await patientJourney(viewport, released);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
