/**
 * Prescription refills, end to end: a demo patient opens Medications, cancels a request still
 * open there (the demo's, or one an interrupted run left; asked once), asks for two refills at
 * once at the preferred pharmacy, and lands on the first request with the confirmation. The
 * provider decides through the API (one approved, the other not, with a reason) and the
 * patient sees both statuses in words. On a phone and on a desktop, every screen checked with
 * axe. Each run decides what it asks for, so a second run on the same database finds the same
 * medicines free.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkScreen, DEMO_PASSWORD, signInPatient } from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import {
  ScreenChecker,
  SCREEN_TIMEOUT_MS,
  waitForHeading,
  waitForVisible,
} from '../support/journey.js';
import { StaffApiSession } from '../support/records.js';

const PROVIDER = {
  username: 'provider.demo',
  password: DEMO_PASSWORD,
  email: 'provider.demo@portal.localhost',
};
const PATIENT = { username: 'jordan.demo', greeting: 'Jordan' };
const JOURNEY_TIMEOUT_MS = 180_000;
const DENIAL = 'Your blood sugar test is due first. Book it at the front desk.';

/** Cancels, through its page, every request the Medications page shows as still open. */
async function cancelOpenRequests(page: Page, check: (screen: string) => Promise<void>) {
  const current = page.getByRole('list', { name: 'Medicines you take now' });
  let checked = false;
  for (;;) {
    const open = current.getByRole('link', { name: 'See the refill request' });
    if ((await open.count()) === 0) return;
    await open.first().click();
    await waitForHeading(page, /^Refill request: /, 'an open refill request');
    const cancelledPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Cancel this request' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Cancel this refill request?' });
    await waitForVisible(page, dialog, 'the cancel confirmation');
    if (!checked) await check('cancelling a refill request');
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
    await waitForVisible(
      page,
      page.getByText('Your refill request is cancelled.', { exact: false }),
      'the cancelled confirmation',
    );
    if (!checked) await check('the cancelled request');
    checked = true;
    await page.getByRole('link', { name: 'Back to Medications' }).click();
    await waitForHeading(page, 'Medications', 'the medications page');
    await waitForVisible(page, current, 'the current medicines');
    // The list first shows what it read before the cancel; count again once it is reread.
    await current
      .locator(`a[href$="${cancelledPath}"]`)
      .waitFor({ state: 'detached', timeout: SCREEN_TIMEOUT_MS });
  }
}

describe('refills (patient)', () => {
  let provider: StaffApiSession;

  beforeAll(async () => {
    provider = await StaffApiSession.signIn(PROVIDER);
  }, JOURNEY_TIMEOUT_MS);
  afterAll(async () => {
    await provider?.dispose();
  });

  for (const viewport of ['phone', 'desktop'] as const satisfies readonly Viewport[]) {
    it(
      `asks for two refills and follows the decisions, on a ${viewport}`,
      async () => {
        const screens = new ScreenChecker();
        const page = await openPage(viewport);
        const check = (screen: string) => checkScreen(page, screens, viewport, screen);
        await signInPatient(page, PATIENT, async () => {});

        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Medications' })
          .click();
        await waitForHeading(page, 'Medications', 'the medications page');
        const current = page.getByRole('list', { name: 'Medicines you take now' });
        await waitForVisible(page, current, 'the current medicines');
        await check('the medications page');
        await cancelOpenRequests(page, check);

        await page.getByRole('button', { name: 'Show past medicines' }).click();
        await waitForVisible(
          page,
          page.getByRole('list', { name: 'Medicines you took before' }),
          'the past medicines',
        );
        await check('the medications page with past medicines');

        // Both current medicines are free now: "Request a refill" asks for them together.
        await page.getByRole('link', { name: 'Request a refill', exact: true }).click();
        await waitForHeading(page, 'Request a refill', 'the refill form');
        const medicines = page.getByRole('group', { name: 'Medicines to refill' });
        const boxes = medicines.getByRole('checkbox');
        await waitForVisible(page, boxes.first(), 'the medicines to refill');
        expect(await boxes.count()).toBe(2);
        for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
        const preferred = page.getByRole('radio', { name: /\(your preferred pharmacy\)$/ });
        expect(await preferred.isChecked()).toBe(true);
        expect(
          await page.locator(`label[for="${await preferred.getAttribute('id')}"]`).innerText(),
        ).toMatch(/^Lakeside Drugstore, /);

        const search = page.getByRole('searchbox', { name: 'Find another pharmacy' });
        await search.fill('Chatham');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await waitForVisible(
          page,
          page.getByText('1 pharmacy found for “Chatham”.'),
          'the pharmacy search',
        );
        await check('the refill form with a pharmacy search');
        // The preferred pharmacy stays the one chosen.
        expect(await preferred.isChecked()).toBe(true);
        await page
          .getByRole('textbox', { name: 'A note for your care team (optional)' })
          .fill(`About a week left (${viewport}).`);
        await page.getByRole('button', { name: 'Send the request' }).click();

        await waitForHeading(page, /^Refill request: /, 'the first new request');
        await waitForVisible(
          page,
          page.getByText('Your 2 refill requests are sent to your care team', { exact: false }),
          'the confirmation',
        );
        await check('the new request, just sent');
        const firstId = new URL(page.url()).pathname.split('/').pop()!;
        const secondHref = await page
          .getByRole('link', { name: 'See the refill request 2' })
          .getAttribute('href');
        const secondId = secondHref!.split('/').pop()!;
        expect(secondId).not.toBe(firstId);

        await provider.send('POST', `/api/v1/refill-requests/${firstId}/approve`, {});
        await provider.send('POST', `/api/v1/refill-requests/${secondId}/deny`, {
          reasonCode: 'other',
          reason: DENIAL,
        });

        await page.reload();
        await waitForHeading(page, /^Refill request: /, 'the approved request');
        const details = page.locator('main dl').first();
        await waitForVisible(page, details.getByText(/^Approved/), 'the approval in words');
        await waitForVisible(
          page,
          page.getByRole('list', { name: 'What has happened, oldest first' }).getByRole('heading', {
            name: 'Approved',
            exact: true,
          }),
          'the approval in the timeline',
        );
        await check('the approved request');

        await page.goto(`/medications/refills/${secondId}`);
        await waitForHeading(page, /^Refill request: /, 'the denied request');
        await waitForVisible(
          page,
          page.locator('main dl').first().getByText('Not approved', { exact: true }),
          'the denial in words',
        );
        const timeline = page.getByRole('list', { name: 'What has happened, oldest first' });
        await waitForVisible(
          page,
          timeline.getByText(`Reason: ${DENIAL}`),
          'the reason in the timeline',
        );
        expect(await page.getByRole('button', { name: 'Cancel this request' }).count()).toBe(0);
        await check('the denied request');

        await page.getByRole('link', { name: 'Back to Medications' }).click();
        await waitForHeading(page, 'Medications', 'the medications page again');
        const requests = page.getByRole('list', { name: 'Your refill requests, newest first' });
        await waitForVisible(page, requests, 'the refill requests');
        const first = requests
          .getByRole('listitem')
          .filter({ has: page.locator(`a[href="/medications/refills/${firstId}"]`) });
        const second = requests
          .getByRole('listitem')
          .filter({ has: page.locator(`a[href="/medications/refills/${secondId}"]`) });
        expect(await first.innerText()).toMatch(/Status: Approved/);
        expect(await second.innerText()).toMatch(/Status: Not approved/);
        await check('the medications page after the decisions');
        await page.close();
      },
      JOURNEY_TIMEOUT_MS,
    );
  }
});
