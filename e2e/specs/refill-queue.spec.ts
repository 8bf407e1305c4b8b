/**
 * The staff refill queue, end to end in a real browser, once on a phone (360 px) and once on a
 * desktop:
 *
 * 1. a demo patient asks, through the API as that patient, for refills of lisinopril and
 *    metformin (one request each); requests of theirs still open from earlier runs (or the
 *    demo's own) are cancelled first, so reruns on the same database pass;
 * 2. provider.demo signs in to the staff app, opens Refills from the menu and finds both
 *    requests in the queue; opens metformin and approves it with the defaults prefilled from
 *    the medication; opens lisinopril and denies it with a reason from the list and words of
 *    their own. The API then reports one approved (waiting to send or sent) and one denied.
 *
 * Each viewport has its own patient (Alex on the phone, Jordan on the desktop). Every screen
 * is checked with axe and for page errors; on the phone, no screen scrolls sideways.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkScreen, PageApi, plainSpaces } from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import { ScreenChecker, signInStaff, waitForHeading, waitForVisible } from '../support/journey.js';
import { DEMO_PASSWORD, DEMO_PATIENTS, StaffApiSession } from '../support/records.js';

const PROVIDER = {
  username: 'provider.demo',
  password: DEMO_PASSWORD,
  email: 'provider.demo@portal.localhost',
};

/** Sign-ins hash with argon2id; the pharmacy send goes through a queue. */
const JOURNEY_TIMEOUT_MS = 180_000;

const LISINOPRIL = '314076';
const METFORMIN = '861007';
const DENY_WORDS = 'Your last fill should last until next week. Ask again then.';

interface Medication {
  id: string;
  rxnormCode: string | null;
  display: string;
  status: string;
}

interface RefillRequest {
  id: string;
  prescriber: string | null;
  medicationId: string;
  medicationName: string;
  status: string;
  denialReasonCode: string | null;
  decisionReason: string | null;
  approvedQuantity: number | null;
  approvedRefills: number | null;
  sendStatus: 'waiting' | 'sent' | null;
}

interface Made {
  approve: RefillRequest;
  deny: RefillRequest;
}

/** As the patient: cancels what is still open of theirs, then asks for the two refills. */
async function requestRefills(viewport: Viewport): Promise<Made> {
  const who = DEMO_PATIENTS[viewport];
  const patient = await StaffApiSession.signIn({
    username: who.username,
    password: DEMO_PASSWORD,
    email: who.email,
  });
  try {
    const session = await patient.send<{ user: { patientId: string | null } }>(
      'GET',
      '/api/v1/auth/session',
    );
    const patientId = session.user.patientId;
    if (!patientId) throw new Error(`${who.username} is not a patient.`);
    const base = `/api/v1/patients/${patientId}`;

    const own = await patient.send<{ items: RefillRequest[] }>(
      'GET',
      `${base}/refill-requests?limit=100`,
    );
    for (const open of own.items.filter((item) =>
      ['requested', 'in_review'].includes(item.status),
    )) {
      await patient.send('POST', `${base}/refill-requests/${open.id}/cancel`, {});
    }

    const medications = await patient.send<{ items: Medication[] }>(
      'GET',
      `${base}/medications?limit=100`,
    );
    const active = (code: string) => {
      const found = medications.items.find((m) => m.rxnormCode === code && m.status === 'active');
      if (!found) throw new Error(`${who.username} takes no active medication ${code}.`);
      return found;
    };
    const metformin = active(METFORMIN);
    const lisinopril = active(LISINOPRIL);
    const made = await patient.send<{ items: RefillRequest[] }>('POST', `${base}/refill-requests`, {
      medicationIds: [metformin.id, lisinopril.id],
      note: 'Browser test: running low.',
    });
    const byMedication = (id: string) => {
      const request = made.items.find((item) => item.medicationId === id);
      if (!request) throw new Error(`No request was made for medication ${id}.`);
      return request;
    };
    return { approve: byMedication(metformin.id), deny: byMedication(lisinopril.id) };
  } finally {
    await patient.dispose();
  }
}

function queueLink(page: Page, request: RefillRequest) {
  return page
    .getByRole('table', { name: 'Refill requests, oldest first' })
    .locator(`a[href$="/refills/requests/${request.id}"]`);
}

/**
 * The queue is oldest first and the integration tests that share the database leave open
 * requests of their own, so a new request may sit beyond the first page: narrow the queue to
 * the request's prescriber, as staff would, and load more until it shows.
 */
async function revealInQueue(page: Page, request: RefillRequest, what: string): Promise<void> {
  if (request.prescriber) {
    await page.getByLabel('Prescriber', { exact: true }).fill(request.prescriber);
    await page.getByRole('button', { name: 'Apply filters', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('prescriber') === request.prescriber);
  }
  const link = queueLink(page, request);
  const more = page.getByRole('button', { name: 'Load more', exact: true });
  for (;;) {
    await waitForVisible(page, link.or(more), `${what} or more of the refill queue`);
    if (await link.first().isVisible()) return;
    const rows = await page.locator('tbody tr').count();
    await more.click();
    await page.waitForFunction(
      (before) => document.querySelectorAll('tbody tr').length > before,
      rows,
    );
  }
}

async function openFromQueue(page: Page, request: RefillRequest, what: string): Promise<void> {
  await revealInQueue(page, request, what);
  const link = queueLink(page, request);
  const row = page
    .getByRole('table', { name: 'Refill requests, oldest first' })
    .locator('tbody tr')
    .filter({ has: page.locator(`a[href$="/refills/requests/${request.id}"]`) });
  const text = plainSpaces(await row.innerText());
  expect(text).toContain('Requested');
  expect(text).toMatch(/\b(minute|minutes|hour|hours|day|days)\b/);
  await link.click();
  await waitForHeading(page, 'Refill request', `the request for ${what}`);
  await waitForVisible(
    page,
    page.getByRole('heading', { level: 2, name: request.medicationName, exact: true }),
    `the request for ${what}`,
  );
}

async function staffJourney(viewport: Viewport, made: Made): Promise<void> {
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);

  const page = await openPage(viewport);
  expect((await page.goto('/admin/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await signInStaff(page, screens, PROVIDER);
  const api = new PageApi(page);
  await waitForVisible(
    page,
    page
      .getByRole('region', { name: /^Refills waiting/ })
      .getByRole('link')
      .first(),
    'the refills waiting on the staff home',
  );
  await check(page, 'staff home');

  // Refills from the menu: the queue, oldest first, both new requests in it.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Refills', exact: true })
    .click();
  await waitForHeading(page, 'Refills', 'the refill queue');
  await revealInQueue(page, made.approve, 'the metformin request');
  await check(page, 'refill queue');
  // Beside the request: the medication's history and the patient's last visit.
  const row = page
    .getByRole('table', { name: 'Refill requests, oldest first' })
    .locator('tbody tr')
    .filter({ has: page.locator(`a[href$="/refills/requests/${made.approve.id}"]`) });
  await row.locator('summary').click();
  await waitForVisible(page, row.getByText('Last visit', { exact: true }), 'the last visit');
  await check(page, 'refill queue: history and last visit');

  // Approve metformin with the defaults the form is prefilled with.
  await openFromQueue(page, made.approve, 'metformin');
  const quantity = page.getByLabel('Quantity', { exact: true });
  await waitForVisible(page, quantity, 'the approval form');
  await expect(quantity.inputValue()).resolves.toBe('30');
  await check(page, 'refill request: open');
  await page.getByRole('button', { name: 'Approve and send to pharmacy', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText('Approved. The prescription is being sent to the pharmacy.'),
    'the "approved" message',
  );
  await waitForVisible(
    page,
    page.getByText(/^(Waiting to send to the pharmacy|Sent to the pharmacy)$/),
    'the pharmacy send state',
  );
  await check(page, 'refill request: approved');
  const approved = await api.get<RefillRequest>(`/api/v1/refill-requests/${made.approve.id}`);
  expect(approved).toMatchObject({ status: 'approved', approvedQuantity: 30 });
  expect(['waiting', 'sent']).toContain(approved.sendStatus);

  // Deny lisinopril with a reason from the list and words of the provider's own.
  await page.getByRole('link', { name: 'Back to the refill queue', exact: true }).click();
  await waitForHeading(page, 'Refills', 'the refill queue again');
  await openFromQueue(page, made.deny, 'lisinopril');
  await page.getByLabel('Reason', { exact: true }).selectOption('too-early');
  await page.getByLabel(/^In your words/).fill(DENY_WORDS);
  await check(page, 'refill request: denying');
  await page.getByRole('button', { name: 'Deny request', exact: true }).click();
  await waitForVisible(
    page,
    page.getByText('Denied. The patient is told the reason.'),
    'the "denied" message',
  );
  await check(page, 'refill request: denied');
  const denied = await api.get<RefillRequest>(`/api/v1/refill-requests/${made.deny.id}`);
  expect(denied).toMatchObject({
    status: 'denied',
    denialReasonCode: 'too-early',
    decisionReason: DENY_WORDS,
  });

  expect(screens.checked).toEqual(
    expect.arrayContaining([
      'staff home',
      'refill queue',
      'refill queue: history and last visit',
      'refill request: open',
      'refill request: approved',
      'refill request: denying',
      'refill request: denied',
    ]),
  );
}

describe.each<Viewport>(['phone', 'desktop'])('the refill queue on a %s', (viewport) => {
  it(
    'a provider approves one request and denies another with a reason',
    async () => {
      const made = await requestRefills(viewport);
      await staffJourney(viewport, made);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
