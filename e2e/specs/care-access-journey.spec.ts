/**
 * Minimum necessary access, end to end in a real browser on a desktop:
 *
 * 1. a nurse who works at a clinic location of their own (a new account and a new location each
 *    run, made by the admin through the staff API, so no patient has been seen there whatever
 *    other specs booked) opens the medical record of Sam Okafor, a demo patient with visits:
 *    the tab says the patient is not in their care and offers emergency access; the nurse
 *    gives a reason, and the record opens;
 * 2. the admin opens the emergency access review from the audit log, finds the grant (who,
 *    which patient, the reason, when and until when) and marks it reviewed.
 *
 * A new nurse each run keeps reruns on the same database independent (a grant lasts hours).
 * Every screen is checked with axe and for page errors.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'playwright-core';
import { openPage } from '../support/browser.js';
import { baseUrl, csrfCookieValue } from '../support/env.js';
import {
  outboxSnapshot,
  ScreenChecker,
  signInStaff,
  waitForHeading,
  waitForNewEmail,
  waitForVisible,
} from '../support/journey.js';
import { StaffApiSession } from '../support/records.js';

const DEMO_PASSWORD = 'portal-demo-2026';
const ADMIN = {
  username: 'admin.demo',
  password: DEMO_PASSWORD,
  email: 'admin.demo@portal.localhost',
};
/** A demo patient with visits (demo schedule), so tied to the demo clinic's locations. */
const SAM = { givenName: 'Samuel', familyName: 'Okafor' };
/** No run of three letters of the nurse's username or name, and in no breach list. */
const NURSE_PASSWORD = 'plum jig hop truss kit';
const REASON = 'Called by Lakeside after hours: checking allergies before a prescription.';
const JOURNEY_TIMEOUT_MS = 180_000;

interface Nurse {
  id: string;
  username: string;
  displayName: string;
  email: string;
}

let nurse: Nurse;

/** A new nurse at a new location of their own, with a password set through the emailed link. */
async function createNurse(admin: StaffApiSession): Promise<Nurse> {
  const username = `care-${Date.now()}`;
  const email = `${username}@portal.localhost`;
  const before = await outboxSnapshot();
  const created = await admin.send<{ id: string; displayName: string }>('POST', '/api/v1/staff', {
    username,
    displayName: 'Robin Quill, RN',
    email,
    roles: ['nurse'],
  });
  const welcome = await waitForNewEmail(email, before);
  const token = /#token=([^\s&"<>]+)/.exec(welcome.text)?.[1];
  if (!token) throw new Error(`No set-password link in the email to ${email}:\n${welcome.text}`);
  const context = await request.newContext({ baseURL: baseUrl(), timeout: 30_000 });
  try {
    await context.get('/api/v1/auth/session');
    const csrf = csrfCookieValue((await context.storageState()).cookies) ?? '';
    const reset = await context.post('/api/v1/auth/password-reset/complete', {
      data: { token: decodeURIComponent(token), password: NURSE_PASSWORD },
      headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
    });
    expect(reset.status()).toBe(204);
  } finally {
    await context.dispose();
  }
  const main = await admin.send<{ id: string; name: string }>('POST', '/api/v1/locations', {
    name: `Care Test Clinic ${username}`,
    address: {
      line1: '7 Quiet Lane',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    phone: '+1 555 010 4100',
    timeZone: 'America/Chicago',
  });
  const assigned = await admin.send<{ assigned: { id: string }[] }>(
    'PUT',
    `/api/v1/staff/${created.id}/locations`,
    { locationIds: [main.id] },
  );
  expect(assigned.assigned.map((location) => location.id)).toEqual([main.id]);
  return { id: created.id, username, displayName: created.displayName, email };
}

beforeAll(async () => {
  const admin = await StaffApiSession.signIn(ADMIN);
  try {
    nurse = await createNurse(admin);
  } finally {
    await admin.dispose();
  }
}, JOURNEY_TIMEOUT_MS);

describe('minimum necessary access', () => {
  it(
    'refuses a nurse at another location, who breaks the glass with a reason; the admin reviews it',
    async () => {
      const screens = new ScreenChecker();
      const page = await openPage('desktop');
      expect((await page.goto('/admin/'))?.status()).toBe(200);
      await waitForHeading(page, 'Sign in', 'staff sign-in');
      await signInStaff(page, screens, {
        username: nurse.username,
        password: NURSE_PASSWORD,
        email: nurse.email,
      });

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Patients', exact: true })
        .click();
      await waitForHeading(page, 'Patients', 'patient search');
      await page.getByLabel('Search patients', { exact: true }).fill(SAM.familyName);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const found = page
        .getByRole('table', { name: `Patients matching “${SAM.familyName}”, by family name` })
        .getByRole('link', { name: `${SAM.familyName}, ${SAM.givenName}`, exact: true });
      await waitForVisible(page, found, 'Samuel Okafor among the patients found');
      await found.click();
      await waitForHeading(page, `${SAM.givenName} ${SAM.familyName}`, 'patient chart');
      const patientId = /\/patients\/([^/]+)/.exec(new URL(page.url()).pathname)?.[1];
      if (!patientId) throw new Error(`The chart is at ${page.url()}, not under a patient.`);

      // The medical record tab: refused, with the way on.
      await page
        .getByRole('navigation', { name: 'Patient record sections' })
        .getByRole('link', { name: 'Record', exact: true })
        .click();
      await waitForVisible(
        page,
        page.getByRole('heading', { level: 2, name: 'This patient is not in your care' }),
        'the care relationship explanation',
      );
      const form = page.getByRole('form', { name: 'Emergency access' });
      await screens.check(page, 'patient chart: not in your care');

      // A reason too short is refused before any request.
      await form.getByLabel('Reason', { exact: true }).fill('urgent');
      await form.getByRole('button', { name: 'Open the record with emergency access' }).click();
      await waitForVisible(
        page,
        form.getByText('Give a reason of at least 10 characters.'),
        'the reason too short',
      );
      await screens.check(page, 'emergency access: reason too short');

      await form.getByLabel('Reason', { exact: true }).fill(REASON);
      await form.getByRole('button', { name: 'Open the record with emergency access' }).click();
      await waitForVisible(
        page,
        page.getByText('Emergency access is on', { exact: true }),
        'the emergency access confirmation',
      );
      await waitForVisible(
        page,
        page.getByRole('heading', { level: 2, name: 'Medical record' }),
        'the medical record after emergency access',
      );
      await waitForVisible(
        page,
        page.getByRole('heading', { level: 3, name: 'Conditions' }),
        'the conditions section',
      );
      await screens.check(page, 'patient chart: medical record under emergency access');

      // 2. the admin's review.
      const adminPage = await openPage('desktop');
      expect((await adminPage.goto('/admin/'))?.status()).toBe(200);
      await waitForHeading(adminPage, 'Sign in', 'staff sign-in');
      await signInStaff(adminPage, screens, ADMIN);
      await adminPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Audit log', exact: true })
        .click();
      await waitForHeading(adminPage, 'Audit log', 'audit log');
      await adminPage.getByRole('link', { name: 'Review emergency accesses', exact: true }).click();
      await waitForHeading(adminPage, 'Emergency access review', 'emergency access review');
      const row = adminPage
        .getByRole('table', { name: 'Emergency accesses, newest first' })
        .getByRole('row')
        .filter({ hasText: nurse.username });
      await waitForVisible(adminPage, row, "the nurse's emergency access in the review list");
      await expect(row.innerText()).resolves.toContain(REASON);
      await expect(row.innerText()).resolves.toContain(`${SAM.familyName}, ${SAM.givenName}`);
      await expect(row.innerText()).resolves.toContain('Open now');
      await expect(
        row
          .getByRole('link', { name: `${SAM.familyName}, ${SAM.givenName}`, exact: true })
          .getAttribute('href'),
      ).resolves.toContain(patientId);
      await screens.check(adminPage, 'emergency access review');

      await row.getByRole('button', { name: /^Mark reviewed/ }).click();
      await waitForVisible(
        adminPage,
        row.getByText(/Reviewed by Avery Admin/),
        'the review mark on the grant',
      );
      await screens.check(adminPage, 'emergency access review: reviewed');
    },
    JOURNEY_TIMEOUT_MS,
  );
});
