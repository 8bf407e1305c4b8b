/**
 * "Who viewed my record", end to end: the demo provider reads a demo patient's record part by
 * part (as the staff app's record tab does: one audited read per part), then the patient signs
 * in and finds one entry for that sitting, with its steps on request, on a phone and on a
 * desktop (the same sitting both times: the provider reads once). Every screen is checked with
 * axe.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkScreen, PageApi } from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import { ScreenChecker, waitForHeading, waitForVisible } from '../support/journey.js';
import { StaffApiSession } from '../support/records.js';

const DEMO_PASSWORD = 'portal-demo-2026';
const PROVIDER = {
  username: 'provider.demo',
  password: DEMO_PASSWORD,
  email: 'provider.demo@portal.localhost',
};
const PATIENT = {
  username: 'jordan.demo',
  greeting: 'Jordan',
  givenName: 'Jordan',
  familyName: 'Lee',
};
const PARTS = ['conditions', 'allergies', 'medications', 'immunizations', 'results'];
const JOURNEY_TIMEOUT_MS = 120_000;

describe('who viewed my record', () => {
  let provider: StaffApiSession;
  let patientId: string;

  beforeAll(async () => {
    provider = await StaffApiSession.signIn(PROVIDER);
    const { items } = await provider.send<{
      items: { id: string; givenName: string; familyName: string }[];
    }>('GET', `/api/v1/patients?query=${PATIENT.familyName}&limit=100`);
    patientId = items.find(
      (found) => found.givenName === PATIENT.givenName && found.familyName === PATIENT.familyName,
    )!.id;
    // The provider's sitting: one read per part of the record, seconds apart.
    for (const part of PARTS) {
      await provider.send('GET', `/api/v1/patients/${patientId}/${part}`);
    }
  }, JOURNEY_TIMEOUT_MS);
  afterAll(async () => {
    await provider?.dispose();
  });

  for (const viewport of ['phone', 'desktop'] as const satisfies readonly Viewport[]) {
    it(
      `shows one staff sitting as one entry, with its steps, on a ${viewport}`,
      async () => {
        const screens = new ScreenChecker();
        const page = await openPage(viewport);
        expect((await page.goto('/'))?.status()).toBe(200);
        await waitForHeading(page, 'Sign in', 'patient sign-in');
        await page.getByLabel('Username', { exact: true }).fill(PATIENT.username);
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await waitForHeading(page, `Hello, ${PATIENT.greeting}`, 'patient home');
        expect(await new PageApi(page).ownPatientId()).toBe(patientId);

        await page.goto('/account/access-log');
        await waitForHeading(page, 'Who viewed my record', 'the access log');
        // The provider's newest sitting (other staff may have looked since: the billing
        // office's aging report, say).
        const first = page
          .locator('.access-log__entry')
          .filter({ has: page.getByRole('heading', { level: 2, name: /Priya Shah/ }) })
          .first();
        await waitForVisible(page, first, 'the provider’s newest sitting');
        // At least the search that found the patient and one read per part (another spec's
        // sitting by the same provider minutes before joins it, as it would for a patient).
        const steps = first.locator('summary');
        const sitting = Number(/^See all (\d+) steps$/.exec(await steps.innerText())?.[1]);
        expect(sitting).toBeGreaterThanOrEqual(PARTS.length + 1);
        await checkScreen(page, screens, viewport, 'the access log, one entry per sitting');
        // Keyboard: the steps open from their summary.
        await steps.focus();
        await page.keyboard.press('Enter');
        const listed = first.locator('details li');
        await waitForVisible(page, listed.first(), 'the sitting’s steps');
        expect(await listed.count()).toBe(sitting);
        const described = await listed.allInnerTexts();
        for (const part of ['conditions', 'allergies', 'medications']) {
          expect(described.some((text) => text.includes(`list of ${part}`))).toBe(true);
        }
        expect(await first.locator('details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(
          true,
        );
        await checkScreen(page, screens, viewport, 'the access log with a sitting’s steps open');
      },
      JOURNEY_TIMEOUT_MS,
    );
  }
});
