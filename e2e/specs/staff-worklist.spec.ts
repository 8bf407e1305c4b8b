/**
 * The staff home as a worklist, and a location's day as a grid, in a real browser:
 *
 * 1. front desk's home (desktop and phone) shows today's schedule at a location with an
 *    arrival marked, marks another arrival in one click, and lists an invitation to resend;
 * 2. a provider enters a result (the Collected field shows its whole value) that is held for
 *    review, and their home lists it among the results waiting;
 * 3. the location's day grid shows two providers' columns with their appointments; booking
 *    from an empty cell opens the booking form with that provider, location and time chosen.
 *
 * A new location (in a zone where it is about 9 in the morning now, so today always has
 * hours ahead, whatever the hour or the weekday the spec runs), two new providers working
 * there every day and new patients make each run independent. Every screen is checked with
 * axe and for page errors.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkScreen, zonedDate } from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
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
const account = (username: string) => ({
  username,
  password: DEMO_PASSWORD,
  email: `${username}@portal.localhost`,
});
const ADMIN = account('admin.demo');
const FRONT_DESK = account('frontdesk.demo');
const PROVIDER = account('provider.demo');
/** A demo patient of provider.demo (Main Street), so the chart's clinical tabs open. */
const CHART_PATIENT = { givenName: 'Alexandra', familyName: 'Rivera' };
const JOURNEY_TIMEOUT_MS = 180_000;
const SETUP_TIMEOUT_MS = 120_000;

const RUN = Date.now().toString(36);
const RESULT_TITLE = `Lipid panel ${RUN}`;

interface Fixture {
  timeZone: string;
  today: string;
  visitTypeId: string;
  location: { id: string; name: string };
  ada: { id: string; displayName: string };
  ben: { id: string; displayName: string };
  arrived: { id: string; name: string };
  waiting: { id: string; name: string };
}

let fixture: Fixture;

/** A fixed-offset zone where the clocks show about 9 AM now (Etc/GMT-7 is UTC+7). */
function morningZone(now: Date): string {
  let offset = 9 - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** The instant the zone's clocks show this time today (a whole-hour offset zone). */
function todayAt(timeZone: string, today: string, time: string): string {
  const guess = Date.parse(`${today}T${time}:00Z`);
  const shown = new Date(guess).toLocaleString('en-US', { timeZone, hour12: false });
  const local = Date.parse(`${new Date(shown).toISOString().slice(0, 16)}Z`);
  return new Date(guess - (local - guess)).toISOString();
}

async function createPatient(desk: StaffApiSession, givenName: string) {
  const familyName = `Worklist${RUN}`;
  const created = await desk.send<{ id: string }>('POST', '/api/v1/patients', {
    givenName,
    familyName,
    dateOfBirth: '1980-04-02',
    sex: 'unknown',
    email: `${givenName.toLowerCase()}.${RUN}@portal.localhost`,
  });
  return { id: created.id, name: `${givenName} ${familyName}` };
}

beforeAll(async () => {
  const admin = await StaffApiSession.signIn(ADMIN);
  const desk = await StaffApiSession.signIn(FRONT_DESK);
  try {
    // Results of the laboratory wait for a provider's review while the spec runs.
    await admin.send('PUT', '/api/v1/results/release-policy', {
      items: [{ category: 'laboratory', mode: 'review' }],
    });
    const timeZone = morningZone(new Date());
    const today = zonedDate(Date.now(), timeZone);
    const location = await admin.send<{ id: string; name: string }>('POST', '/api/v1/locations', {
      name: `Worklist Clinic ${RUN}`,
      address: {
        line1: '1 Grid Street',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62701',
        country: 'US',
      },
      phone: '+1 555 010 4000',
      timeZone,
    });
    const visitTypes = await admin.send<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/visit-types?limit=100',
    );
    const followUp = visitTypes.items.find((item) => item.name === 'Follow-up visit');
    if (!followUp) throw new Error('The demo clinic has no "Follow-up visit".');
    const provider = async (displayName: string) => {
      const created = await admin.send<{ id: string; displayName: string }>(
        'POST',
        '/api/v1/providers',
        { displayName, specialty: 'Family medicine', visitTypeIds: [followUp.id] },
      );
      await admin.send('PUT', `/api/v1/providers/${created.id}/availability`, {
        rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          locationId: location.id,
          weekday,
          startTime: '08:00',
          endTime: '18:00',
        })),
      });
      return created;
    };
    const ada = await provider(`Dr. Ada Grid ${RUN}`);
    const ben = await provider(`Dr. Ben Grid ${RUN}`);
    const arrived = await createPatient(desk, 'Arrie');
    const waiting = await createPatient(desk, 'Wanda');
    const book = (patientId: string, providerId: string, time: string) =>
      desk.send<{ id: string; version: number }>(
        'POST',
        `/api/v1/patients/${patientId}/appointments`,
        {
          visitTypeId: followUp.id,
          providerId,
          locationId: location.id,
          startsAt: todayAt(timeZone, today, time),
        },
      );
    const first = await book(arrived.id, ada.id, '10:00');
    await desk.send('POST', `/api/v1/patients/${arrived.id}/appointments/${first.id}/status`, {
      version: first.version,
      status: 'arrived',
    });
    await book(waiting.id, ben.id, '10:30');
    // An invitation sent and not yet used: one to send again from home.
    const before = await outboxSnapshot();
    await desk.send('POST', `/api/v1/patients/${waiting.id}/invitations`);
    await waitForNewEmail(`wanda.${RUN}@portal.localhost`, before);
    fixture = { timeZone, today, visitTypeId: followUp.id, location, ada, ben, arrived, waiting };
  } finally {
    await admin.dispose();
    await desk.dispose();
  }
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  const admin = await StaffApiSession.signIn(ADMIN);
  try {
    await admin.send('PUT', '/api/v1/results/release-policy', {
      items: [{ category: 'laboratory', mode: 'immediate' }],
    });
    // The new location closes, so other journeys' lists stay as they were.
    await admin.send('PATCH', `/api/v1/locations/${fixture.location.id}`, { active: false });
  } finally {
    await admin.dispose();
  }
}, SETUP_TIMEOUT_MS);

async function signedIn(viewport: Viewport, who: typeof ADMIN) {
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);
  const page = await openPage(viewport);
  expect((await page.goto('/admin/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await signInStaff(page, screens, who);
  return { page, check, screens };
}

describe('front desk’s home', () => {
  // The phone first: the desktop run marks the second arrival.
  for (const viewport of ['phone', 'desktop'] as const) {
    it(
      `shows today’s arrivals and an invitation to resend (${viewport})`,
      async () => {
        const { page, check } = await signedIn(viewport, FRONT_DESK);
        await page.getByLabel('Location', { exact: true }).selectOption(fixture.location.id);
        const today = page.getByRole('region', { name: 'Today’s schedule' });
        const arrivedRow = today.getByRole('listitem').filter({ hasText: fixture.arrived.name });
        const waitingRow = today.getByRole('listitem').filter({ hasText: fixture.waiting.name });
        await waitForVisible(page, waitingRow, `${fixture.waiting.name} in today’s schedule`);
        await expect(arrivedRow.getByText('Arrived', { exact: true }).count()).resolves.toBe(1);
        await expect(today.innerText()).resolves.toMatch(/2 appointments today, 1 arrived/);
        await expect(today.innerText()).resolves.toContain(fixture.timeZone);

        const invitations = page.getByRole('region', { name: /^Invitations to resend/ });
        await waitForVisible(
          page,
          invitations.getByRole('link', { name: fixture.waiting.name }),
          'the unused invitation among those to resend',
        );
        await check(page, 'front desk home');

        if (viewport === 'desktop') {
          await waitingRow.getByRole('button', { name: /^Arrived/ }).click();
          await waitForVisible(
            page,
            today.getByText(`${fixture.waiting.name} is marked as arrived.`),
            'the arrival confirmed',
          );
          await waitForVisible(
            page,
            today.getByText(/2 appointments today, 2 arrived/),
            'both arrivals counted',
          );
          await check(page, 'front desk home: arrival marked');
        }
        await page.close();
      },
      JOURNEY_TIMEOUT_MS,
    );
  }
});

describe('a provider', () => {
  it(
    'enters a result with the whole Collected time in view, then finds it waiting at home',
    async () => {
      const { page, check } = await signedIn('desktop', PROVIDER);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Patients', exact: true })
        .click();
      await waitForHeading(page, 'Patients', 'patient search');
      await page.getByLabel('Search patients', { exact: true }).fill(CHART_PATIENT.familyName);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page
        .getByRole('link', {
          name: `${CHART_PATIENT.familyName}, ${CHART_PATIENT.givenName}`,
          exact: true,
        })
        .click();
      await page
        .getByRole('navigation', { name: 'Patient record sections' })
        .getByRole('link', { name: 'Results', exact: true })
        .click();
      await page.getByRole('button', { name: 'Enter a result', exact: true }).click();
      const form = page.getByRole('form', { name: 'Enter a result' });
      await waitForVisible(page, form, 'the form to enter a result');

      // The field is as wide as its value: nothing of the date and time is cut off.
      const collected = form.getByLabel('Collected', { exact: true });
      const fits = await collected.evaluate((input) => {
        const field = input as HTMLInputElement;
        return { value: field.value.length > 0, clipped: field.scrollWidth > field.clientWidth };
      });
      expect(fits).toEqual({ value: true, clipped: false });
      const box = await collected.boundingBox();
      // "12/07/2026, 09:41 AM" and the picker's icon need about 14rem at 16 px.
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(220);
      await check(page, 'enter a result');

      await form.getByLabel('Title', { exact: true }).fill(RESULT_TITLE);
      const test = form.getByRole('combobox', { name: 'Test', exact: true });
      await test.fill('2093-3');
      const option = form.getByRole('option', { name: /^2093-3 / });
      await waitForVisible(page, option, 'the test 2093-3 offered in the list');
      await option.click();
      await form.getByLabel('Value', { exact: true }).fill('242');
      await form.getByRole('button', { name: 'Save result', exact: true }).click();
      await waitForVisible(
        page,
        page.getByText(`${RESULT_TITLE} is saved and held for a provider's review.`),
        'the result saved and held',
      );

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Home', exact: true })
        .click();
      const results = page.getByRole('region', { name: /^Results waiting for review/ });
      await waitForVisible(page, results, 'the results waiting on the provider’s home');
      // Home shows the answer it had while it asks again: wait for the new one, with the count.
      await waitForVisible(
        page,
        results.getByText(/\(\d+ waiting\)/),
        'the count of results waiting on the provider’s home',
      );
      await expect(results.innerText()).resolves.toMatch(/\(\d+ waiting\)/);
      await expect(
        results.getByRole('link', { name: 'Open results review' }).count(),
      ).resolves.toBe(1);
      // The schedule block loads on its own: waited for, not counted the moment results show.
      const schedule = page.getByRole('region', { name: 'Your schedule today' });
      await waitForVisible(page, schedule, 'the provider’s own schedule on home');
      await expect(schedule.count()).resolves.toBe(1);
      await check(page, 'provider home');
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

describe('a location’s day grid', () => {
  it(
    'shows two providers’ columns with their visits, and books from an empty cell',
    async () => {
      const { page, check } = await signedIn('desktop', FRONT_DESK);
      await page.goto(`/admin/schedule?location=${fixture.location.id}&date=${fixture.today}`);
      const grid = page.getByRole('table', { name: new RegExp(`^${fixture.location.name}, `) });
      await waitForVisible(page, grid, 'the location’s day grid');
      await expect(grid.getByRole('columnheader').allInnerTexts()).resolves.toEqual([
        expect.stringMatching(/^Time \(/),
        fixture.ada.displayName,
        fixture.ben.displayName,
      ]);
      await expect(grid.getAttribute('aria-label').catch(() => null)).resolves.toBeNull();
      await expect(grid.locator('caption').innerText()).resolves.toContain(fixture.timeZone);
      const row = (time: string) =>
        grid
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: time, exact: true }) });
      const ten = row('10:00 AM').getByRole('cell');
      await expect(ten.nth(0).innerText()).resolves.toContain(fixture.arrived.name);
      const tenThirty = row('10:30 AM').getByRole('cell');
      await expect(tenThirty.nth(1).innerText()).resolves.toContain(fixture.waiting.name);
      await check(page, 'location day grid');

      // The list stays one click away, in the address.
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('layout') === 'list');
      await waitForVisible(
        page,
        page.getByRole('link', { name: fixture.waiting.name }),
        'the list of the day',
      );
      await page.getByRole('button', { name: 'Grid', exact: true }).click();
      await waitForVisible(page, grid, 'the grid again');

      await grid
        .getByRole('link', { name: `Book 11:00 AM with ${fixture.ben.displayName}`, exact: true })
        .click();
      await waitForHeading(page, 'Book an appointment', 'booking');
      await expect(page.getByLabel('Provider', { exact: true }).inputValue()).resolves.toBe(
        fixture.ben.id,
      );
      await expect(page.getByLabel('Location', { exact: true }).inputValue()).resolves.toBe(
        fixture.location.id,
      );
      await waitForVisible(
        page,
        page.getByText(/Time asked for: .*11:00\s*AM/),
        'the time asked for',
      );
      await page.getByLabel('Visit type', { exact: true }).selectOption(fixture.visitTypeId);
      const chosen = page.getByRole('radio', { checked: true });
      await waitForVisible(page, chosen, 'the time asked for chosen among the open times');
      await expect(chosen.getAttribute('value')).resolves.toContain(fixture.ben.id);
      await expect(
        chosen.evaluate((input) => input.closest('label')?.textContent ?? ''),
      ).resolves.toMatch(/11:00\s*AM/);
      await check(page, 'booking from the grid');
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
