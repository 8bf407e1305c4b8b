/**
 * The identity journey, end to end in a real browser, once on a phone and once on a desktop,
 * each with its own new patient:
 *
 * 1. front desk signs in to the staff app (with the emailed code when the staff policy asks for
 *    it, as in the production shape), registers a patient and sends a portal invitation;
 * 2. the invitation email arrives: the clinic's name and a /register#token= link (the token in
 *    the fragment, which the browser never sends), no date of birth and no MRN;
 * 3. the patient opens the link (the token leaves the address bar and is never part of a
 *    request URL), reloads the page without losing the step, proves identity with the date of
 *    birth, reloads again, chooses a username and password;
 * 4. signs in with the password only, switches the second step to emailed codes, signs out;
 * 5. signs in again with the code from the email, reaches Home, signs out.
 *
 * Every screen on the way is checked with axe and for page errors and CSP violations.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { openPage, type Viewport } from '../support/browser.js';
import { portalUrl } from '../support/env.js';
import {
  outboxSnapshot,
  ScreenChecker,
  signInCodeFrom,
  signInStaff,
  waitForHeading,
  waitForNewEmail,
  waitForVisible,
} from '../support/journey.js';

const DEMO_PASSWORD = 'portal-demo-2026';
const FRONT_DESK = {
  username: 'frontdesk.demo',
  password: DEMO_PASSWORD,
  email: 'frontdesk.demo@portal.localhost',
};
/** The server's CLINIC_NAME (global-setup passes the environment through), or its default. */
const CLINIC_NAME = process.env.CLINIC_NAME ?? 'Riverside Family Clinic';
const PATIENT_PASSWORD = 'blue harbor lantern 42';
/**
 * Whether the server requires a second factor of staff: STAFF_SECOND_FACTOR_REQUIRED when set,
 * else on in the production shape (DATABASE_URL set) and off only in the embedded loopback demo
 * (no DATABASE_URL, HOST=127.0.0.1, SEED_DEMO=true) that the global setup starts otherwise.
 */
const STAFF_CODE_REQUIRED = process.env.STAFF_SECOND_FACTOR_REQUIRED
  ? ['true', '1', 'yes'].includes(process.env.STAFF_SECOND_FACTOR_REQUIRED)
  : Boolean(process.env.DATABASE_URL);

/** Sign-ins hash with argon2id and mail goes through a queue: a journey takes a while. */
const JOURNEY_TIMEOUT_MS = 150_000;

interface NewPatient {
  givenName: string;
  familyName: string;
  fullName: string;
  dateOfBirth: { iso: string; year: string; month: string; day: string };
  email: string;
  username: string;
}

/** A patient no other run has used: unique name, email and username. */
function newPatient(viewport: Viewport): NewPatient {
  // Digits only: a run of letters in the username or name counts as personal in the password.
  const tag = `${Date.now()}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const givenName = viewport === 'phone' ? 'Robin' : 'Morgan';
  const familyName = `Journey-${tag}`;
  return {
    givenName,
    familyName,
    fullName: `${givenName} ${familyName}`,
    dateOfBirth: { iso: '1987-03-14', year: '1987', month: '3', day: '14' },
    email: `e2e.identity.${viewport}.${tag}@example.test`,
    username: `e2e.${viewport}.${tag}`,
  };
}

/** The ways a date of birth could be written in an email. */
function dateOfBirthSpellings({ iso }: NewPatient['dateOfBirth']): string[] {
  const [year, month, day] = iso.split('-') as [string, string, string];
  const date = new Date(`${iso}T00:00:00Z`);
  const long = (locale: string, month: 'long' | 'short') =>
    date.toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month, day: 'numeric' });
  return [
    iso,
    `${year}${month}${day}`,
    `${month}/${day}/${year}`,
    `${Number(month)}/${Number(day)}/${year}`,
    `${day}/${month}/${year}`,
    `${day}.${month}.${year}`,
    long('en-US', 'long'),
    long('en-US', 'short'),
    long('en-GB', 'long'),
    long('en-GB', 'short'),
  ];
}

/** The header names the clinic (the staff app adds "Staff") beside its logo, which loads. */
async function expectClinicBrand(page: Page, name: string): Promise<void> {
  const brand = page.getByRole('banner').getByRole('link', { name, exact: true });
  await waitForVisible(page, brand, `the clinic's name in the header (${name})`);
  const logo = brand.locator('img');
  await logo.waitFor({ state: 'attached', timeout: 15_000 });
  expect(
    await logo.evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth)),
  ).toBeGreaterThan(0);
}

/** Step 1: front desk registers and invites the patient; returns the MRN and the outbox before the invitation. */
async function staffRegistersAndInvites(
  page: Page,
  screens: ScreenChecker,
  patient: NewPatient,
): Promise<{ mrn: string; invitationSnapshot: Set<string> }> {
  const response = await page.goto('/admin/');
  expect(response?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await screens.check(page, 'staff sign-in');

  const { askedForCode } = await signInStaff(page, screens, FRONT_DESK);
  // The policy must be enforced. Without it, a freshly seeded (embedded) demo account has no
  // second factor of its own; a shared external database may have given it one, so no claim.
  if (STAFF_CODE_REQUIRED) {
    expect({ staffAskedForCode: askedForCode }).toEqual({ staffAskedForCode: true });
  } else if (!process.env.DATABASE_URL) {
    expect({ staffAskedForCode: askedForCode }).toEqual({ staffAskedForCode: false });
  }
  await screens.check(page, 'staff home');
  await expectClinicBrand(page, `${CLINIC_NAME} Staff`);

  const mainMenu = page.getByRole('navigation', { name: 'Main' });
  await mainMenu.getByRole('link', { name: 'Patients', exact: true }).click();
  await waitForHeading(page, 'Patients', 'patient search');
  await waitForVisible(
    page,
    page.getByRole('searchbox', { name: 'Search patients' }),
    'the patient search box',
  );
  await screens.check(page, 'patient search');

  await page.getByRole('link', { name: 'New patient', exact: true }).click();
  await waitForHeading(page, 'New patient', 'new patient form');
  await screens.check(page, 'new patient form');

  const form = page.getByRole('form', { name: 'New patient' });
  await form.getByLabel('Legal given name', { exact: true }).fill(patient.givenName);
  await form.getByLabel('Legal family name', { exact: true }).fill(patient.familyName);
  await form.getByLabel('Date of birth', { exact: true }).fill(patient.dateOfBirth.iso);
  await form.getByLabel('Sex', { exact: true }).selectOption({ label: 'Female' });
  await form.getByLabel('Email (optional)', { exact: true }).fill(patient.email);
  await form.getByLabel('Address line 1', { exact: true }).fill('12 Harbor Street');
  await form.getByLabel('City', { exact: true }).fill('Springfield');
  await form.getByLabel('State or region', { exact: true }).fill('IL');
  await form.getByLabel('Postal code', { exact: true }).fill('62704');
  await form.getByLabel('Country', { exact: true }).fill('US');
  await form.getByRole('button', { name: 'Register patient', exact: true }).click();

  // The new record opens, headed by the patient's name, with the generated MRN.
  await waitForHeading(page, patient.fullName, 'patient record');
  await waitForVisible(
    page,
    page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .filter({ hasText: /is registered with MRN/ }),
    'the "registered with MRN" confirmation',
  );
  const facts = await page.getByRole('list', { name: 'Patient identifiers' }).innerText();
  const mrn = /MRN:\s*(\S+)/.exec(facts)?.[1];
  if (!mrn) throw new Error(`No MRN in the patient record's identifiers: ${JSON.stringify(facts)}`);
  await screens.check(page, 'patient record');

  const recordTabs = page.getByRole('navigation', { name: 'Patient record sections' });
  await recordTabs.getByRole('link', { name: 'Invitations', exact: true }).click();
  await waitForVisible(
    page,
    page.getByRole('heading', { level: 2, name: 'Portal invitations' }),
    'the Invitations tab',
  );
  await waitForVisible(
    page,
    page.getByText('This patient has not been invited yet.'),
    'an empty invitations list',
  );
  await screens.check(page, 'patient invitations tab');

  const invitationSnapshot = await outboxSnapshot();
  await page.getByRole('button', { name: 'Invite to the portal', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText(`Invitation sent to ${patient.email}.`, { exact: false }),
    'the "Invitation sent" confirmation',
  );
  const table = page.getByRole('table', { name: `Invitations for ${patient.fullName}` });
  const row = table.getByRole('row').filter({ hasText: patient.email });
  await waitForVisible(
    page,
    row.getByRole('cell').first().getByText('Sent', { exact: true }),
    'the invitation listed with the status Sent',
  );
  expect(await table.getByRole('row').count()).toBe(2); // the header and this one invitation
  await screens.check(page, 'patient invitations tab: invitation sent');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForHeading(page, 'Sign in', 'staff sign-in after signing out');
  await waitForVisible(page, page.getByText('You are signed out.'), 'the signed-out notice');
  expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
  await screens.check(page, 'staff signed out');

  return { mrn, invitationSnapshot };
}

/** Step 2: the invitation email; returns its registration link. */
async function invitationLinkFromEmail(
  patient: NewPatient,
  mrn: string,
  before: Set<string>,
): Promise<string> {
  const email = await waitForNewEmail(patient.email, before);
  const content = [email.subject, email.text, email.html ?? ''].join('\n');

  expect(content).toContain(CLINIC_NAME);
  const registerPrefix = portalUrl('/register#token=');
  const link = email.links.find((candidate) => candidate.startsWith(registerPrefix));
  if (!link) {
    throw new Error(
      `The invitation email has no ${registerPrefix}… link; links: ${JSON.stringify(email.links)}`,
    );
  }
  expect(new URL(link).search).toBe('');
  expect(linkToken(link).length).toBeGreaterThanOrEqual(22);

  // No health data or identifiers beyond the link: not the date of birth, not the MRN.
  for (const spelling of dateOfBirthSpellings(patient.dateOfBirth)) {
    if (content.includes(spelling)) {
      throw new Error(`The invitation email contains the date of birth as "${spelling}".`);
    }
  }
  if (content.includes(mrn)) throw new Error(`The invitation email contains the MRN ${mrn}.`);
  return link;
}

/** The token of an emailed link: in its fragment (`#token=`). */
function linkToken(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';
}

/** Step 3: registration from the link; ends on the patient sign-in screen. */
async function patientRegisters(
  page: Page,
  screens: ScreenChecker,
  patient: NewPatient,
  link: string,
): Promise<void> {
  const token = linkToken(link);
  // What reaches the server: path and query of every request (a fragment is never sent).
  const sent: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const url = new URL(request.url());
    sent.push(`${url.pathname}${url.search}`);
  };
  page.on('request', onRequest);
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await waitForHeading(page, /Prove it's you/, 'registration step 1: prove it is you');

  // The token is read once and taken out of the address bar.
  await page.waitForURL((url) => !url.hash.includes('token'), { timeout: 5_000 });
  expect(new URL(page.url()).pathname).toBe('/register');
  expect(page.url()).not.toContain(token);
  await waitForVisible(
    page,
    page.getByText(`${CLINIC_NAME} invited you`, { exact: false }),
    "the clinic's name in the welcome",
  );
  await screens.check(page, 'registration step 1: prove it is you');

  // A reload (or a phone dropping the page while the patient reads an email) keeps the step,
  // and the token stays out of the address bar.
  await page.reload();
  await waitForHeading(page, /Prove it's you/, 'registration step 1 after a reload');
  expect(page.url()).not.toContain(token);

  const dob = page.getByRole('form', { name: "Prove it's you with your date of birth" });
  await dob.getByLabel('Month', { exact: true }).fill(patient.dateOfBirth.month);
  await dob.getByLabel('Day', { exact: true }).fill(patient.dateOfBirth.day);
  await dob.getByLabel('Year', { exact: true }).fill(patient.dateOfBirth.year);
  await dob.getByRole('button', { name: 'Continue', exact: true }).click();

  await waitForHeading(page, /Choose a username and password/, 'registration step 2: account');
  await page.reload();
  await waitForHeading(
    page,
    /Choose a username and password/,
    'registration step 2 after a reload',
  );
  await screens.check(page, 'registration step 2: username and password');
  const account = page.getByRole('form', { name: 'Choose a username and password' });
  await account.getByLabel('Username', { exact: true }).fill(patient.username);
  await account.getByLabel('New password', { exact: true }).fill(PATIENT_PASSWORD);
  await account.getByLabel('Type the new password again', { exact: true }).fill(PATIENT_PASSWORD);
  await screens.check(page, 'registration step 2: filled in, with the strength meter');
  await account.getByRole('button', { name: 'Create my account', exact: true }).click();

  await waitForHeading(page, /Your account is ready/, 'registration step 3: done');
  await waitForVisible(page, page.getByText(patient.username, { exact: true }), 'the new username');
  await screens.check(page, 'registration step 3: your account is ready');

  await page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click();
  await waitForHeading(page, 'Sign in', 'patient sign-in');
  expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe(patient.username);
  await screens.check(page, 'patient sign-in');

  page.off('request', onRequest);
  expect(sent.some((url) => url.startsWith('/api/v1/registration/'))).toBe(true);
  expect(sent.filter((url) => url.includes(token))).toEqual([]);
}

/** Step 4: password-only sign-in, then the second step switched to emailed codes. */
async function patientTurnsOnEmailedCodes(
  page: Page,
  screens: ScreenChecker,
  patient: NewPatient,
): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(patient.username);
  await page.getByLabel('Password', { exact: true }).fill(PATIENT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // No second factor yet: straight to Home.
  await waitForHeading(page, `Hello, ${patient.givenName}`, 'patient home');
  await screens.check(page, 'patient home');
  await expectClinicBrand(page, CLINIC_NAME);
  // Home promises only what the portal does today: messages, and no bills yet.
  const home = await page.getByRole('main').innerText();
  expect(home).toContain('No new replies from your care team.');
  expect(home).not.toMatch(/\bbill/i);

  // This browser is named by its browser and system, not only "Linux".
  await page.goto('/account/sessions');
  await waitForHeading(page, 'Where you are signed in', 'signed-in devices');
  const thisDevice = page.getByRole('heading', { level: 2, name: /This device/ });
  await waitForVisible(page, thisDevice, 'this device in the list');
  expect(await thisDevice.innerText()).toMatch(/^Chrome.* on Linux/);
  await screens.check(page, 'signed-in devices');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Account', exact: true })
    .click();
  await waitForHeading(page, 'Password and security', 'account security');
  const twoStep = page.getByRole('region', { name: 'Extra sign-in step' });
  await waitForVisible(
    page,
    twoStep.getByText('Off. You sign in with your password only.'),
    'the second step shown as off',
  );
  await screens.check(page, 'account security');

  await twoStep.getByRole('button', { name: 'Use codes sent by email', exact: true }).click();
  const confirm = page.getByRole('form', { name: 'Use codes sent by email' });
  await waitForVisible(page, confirm, 'the password confirmation for emailed codes');
  await screens.check(page, 'account security: confirm with password');
  await confirm.getByLabel('Your current password', { exact: true }).fill(PATIENT_PASSWORD);
  await confirm.getByRole('button', { name: 'Use email codes', exact: true }).click();

  await waitForVisible(
    page,
    page.getByText('From now on, we will email you a code each time you sign in.'),
    'the "emailed codes are on" confirmation',
  );
  await waitForVisible(
    page,
    twoStep.getByText('On. We email you a code each time you sign in.'),
    'the second step shown as emailed codes',
  );
  await screens.check(page, 'account security: emailed codes on');

  await signOutPatient(page, screens, 'patient signed out');
}

async function signOutPatient(page: Page, screens: ScreenChecker, screen: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForHeading(page, 'Sign in', screen);
  await waitForVisible(page, page.getByText('You are signed out.', { exact: false }), screen);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await screens.check(page, screen);
}

/** Step 5: sign-in with the emailed code; Home; sign out. */
async function patientSignsInWithEmailedCode(
  page: Page,
  screens: ScreenChecker,
  patient: NewPatient,
): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(patient.username);
  await page.getByLabel('Password', { exact: true }).fill(PATIENT_PASSWORD);
  const before = await outboxSnapshot();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await waitForHeading(page, 'Enter your security code', 'patient sign-in: security code');
  await waitForVisible(
    page,
    page.getByText(/We sent a 6-digit code to .+@example\.test/),
    'the instructions naming the (masked) email address',
  );
  await screens.check(page, 'patient sign-in: security code');

  const email = await waitForNewEmail(patient.email, before);
  expect(email.subject).toContain(CLINIC_NAME);
  await page.getByLabel('Security code', { exact: true }).fill(signInCodeFrom(email));
  await page
    .getByRole('form', { name: 'Enter your security code' })
    .getByRole('button', { name: 'Sign in', exact: true })
    .click();

  await waitForHeading(page, `Hello, ${patient.givenName}`, 'patient home after the code');
  await screens.check(page, 'patient home after the emailed code');

  await signOutPatient(page, screens, 'patient signed out at the end');
}

describe('identity journey: staff invite, patient registration, sign-in with emailed codes', () => {
  it.each<Viewport>(['phone', 'desktop'])(
    'on a %s, from the invitation to signing in with an emailed code',
    async (viewport) => {
      const patient = newPatient(viewport);
      const screens = new ScreenChecker();

      // Staff and patient use separate browsers (contexts): nothing is shared but the email.
      const staffPage = await openPage(viewport);
      const { mrn, invitationSnapshot } = await staffRegistersAndInvites(
        staffPage,
        screens,
        patient,
      );

      const link = await invitationLinkFromEmail(patient, mrn, invitationSnapshot);

      const patientPage = await openPage(viewport);
      await patientRegisters(patientPage, screens, patient, link);
      await patientTurnsOnEmailedCodes(patientPage, screens, patient);
      await patientSignsInWithEmailedCode(patientPage, screens, patient);

      expect(screens.checked).toEqual(
        expect.arrayContaining([
          'staff sign-in',
          'staff home',
          'patient search',
          'new patient form',
          'patient record',
          'patient invitations tab',
          'registration step 1: prove it is you',
          'registration step 2: username and password',
          'registration step 3: your account is ready',
          'patient sign-in',
          'patient home',
          'account security',
          'patient sign-in: security code',
        ]),
      );
    },
    JOURNEY_TIMEOUT_MS,
  );
});
