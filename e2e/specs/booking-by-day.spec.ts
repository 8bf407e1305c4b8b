/**
 * Finding a time, day by day, in a real browser on a phone (360 px) and a desktop:
 *
 * 1. the open times come as a strip of days (one Tab stop) with the first day that has times
 *    chosen, its times as compact buttons: the first bookable time is a handful of Tab stops
 *    from the step's heading; the header names the days actually shown, and "later times"
 *    starts on the day after the last one shown;
 * 2. on a weekday with times at both demo locations (Main Street in Chicago, Lakeside in New
 *    York), each location's times are grouped under its name and zone, written in that zone;
 * 3. a time less than CANCEL_CUTOFF_HOURS away is offered marked "Can't change online", with
 *    the location's phone, and the review step says so before booking (front desk opens an
 *    hour of extra hours from now when the weekly hours leave no time that close);
 * 4. rescheduling a visit starts from its provider, location, kind of visit and day.
 *
 * Each viewport uses its own demo patient and cancels what it books.
 */
import { describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import {
  addDays,
  checkScreen,
  floorToFiveMinutes,
  FRONT_DESK,
  MARK,
  MINUTE_MS,
  openExtraHour,
  PageApi,
  signInPatient,
  slotOfLink,
  startOfZonedDay,
  textOf,
  uniqueTag,
  waitUntil,
  withTidyUps,
  zonedDate,
  type Appointment,
  type Cleanup,
  type Location,
  type OpenSlot,
  type Provider,
  type VisitType,
} from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import { ScreenChecker, signInStaff, waitForHeading, waitForVisible } from '../support/journey.js';

const TIMEOUT_MS = 180_000;
const PATIENTS = {
  phone: { username: 'alex.demo', greeting: 'Alex' },
  desktop: { username: 'jordan.demo', greeting: 'Jordan' },
} as const satisfies Record<Viewport, object>;
const MAIN_STREET = 'Riverside Family Clinic – Main Street';
const LAKESIDE = 'Riverside Family Clinic – Lakeside';
/** The API's most open times in one answer, as the patient app asks for them. */
const SLOT_LIMIT = 200;
/** At most this many Tab presses from the step's heading to the first open time. */
const MAX_TABS_TO_FIRST_TIME = 10;

/** "Tuesday, December 8, 2026" as the app writes a day in the browser's zone (UTC). */
function writtenDay(date: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

interface Clinic {
  locations: Location[];
  providers: Provider[];
  visitTypes: VisitType[];
}

async function clinicOf(api: PageApi): Promise<Clinic> {
  const [locations, providers, visitTypes] = await Promise.all([
    api.all<Location>('/api/v1/locations'),
    api.all<Provider>('/api/v1/providers'),
    api.all<VisitType>('/api/v1/visit-types'),
  ]);
  return { locations, providers, visitTypes };
}

function named<T>(items: T[], name: string, key: (item: T) => string): T {
  const found = items.find((item) => key(item) === name);
  if (!found) throw new Error(`The demo clinic has no "${name}".`);
  return found;
}

/** Waits for the open times of the step: the answer the page asked for, and the days shown. */
async function openTimesAnswer(page: Page, open: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) => new URL(candidate.url()).pathname === '/api/v1/slots' && candidate.ok(),
    ),
    open(),
  ]);
  const query = new URL(response.url()).searchParams;
  const items = ((await response.json()) as { items: OpenSlot[] }).items;
  const times = page.getByRole('region', { name: 'Open times' });
  await waitForVisible(page, times.getByText(/^From .+ to .+\./), 'the range of the open times');
  return { query, items, times };
}

/** The open time links of the chosen day. */
function timeLinks(times: Locator): Locator {
  return times.locator('a.appointments-slot');
}

// --- 1. the day strip, the Tab count, the range and later times ---------------------------------

async function dayStrip(viewport: Viewport, page: Page, api: PageApi, clinic: Clinic) {
  const check = (screen: string) => checkScreen(page, new ScreenChecker(), viewport, screen);
  // A 20-minute visit offered by every provider: two weekdays fill the API's 200 times.
  const followUp = named(clinic.visitTypes, 'Follow-up visit', (item) => item.name);
  const { query, items, times } = await openTimesAnswer(page, () =>
    page.goto(`/appointments/new?visitTypeId=${followUp.id}`),
  );
  const heading = await waitForHeading(page, 'Step 2 of 3: Choose a time', 'open times');
  expect(items.length).toBeGreaterThan(0);

  // The days as one radio group, the first day with times chosen.
  const days = times.getByRole('group', { name: 'Choose a day' });
  await waitForVisible(page, days, 'the strip of days');
  const radios = days.getByRole('radio');
  const enabled = days.locator('input[type=radio]:not([disabled])');
  expect(await enabled.first().isChecked()).toBe(true);
  await check('open times: the day strip');

  // Truthful range: the last day named is the last day in the strip, and when the answer
  // stopped at its limit, the day it stopped on is not shown (it is where "later" starts).
  const firstDay = zonedDate(Date.parse(query.get('from')!), 'UTC');
  const shownDays = await radios.evaluateAll((nodes) =>
    nodes.map((node) => (node as HTMLInputElement).value),
  );
  const lastDay = shownDays.at(-1)!;
  expect(shownDays[0]).toBe(firstDay);
  const reached = items
    .map((slot) => zonedDate(slot.startsAt, slot.location.timeZone))
    .reduce((a, b) => (a > b ? a : b));
  if (items.length >= SLOT_LIMIT) {
    expect(lastDay).toBe(addDays(reached, -1));
  } else {
    expect(lastDay).toBe(addDays(firstDay, 13));
  }
  expect(await textOf(times.getByText(/^From .+ to .+\./))).toBe(
    `From ${writtenDay(firstDay)} to ${writtenDay(lastDay)}. Times are shown in the clinic’s local time.`,
  );
  // Every time on screen is on the chosen day, and that day is in the range.
  for (const slot of await Promise.all(
    (await timeLinks(times).all()).map((link) => slotOfLink(link)),
  )) {
    expect(zonedDate(slot.startsAt, 'UTC') <= addDays(lastDay, 1)).toBe(true);
  }

  // A handful of Tab stops from the heading to the first open time.
  await heading.focus();
  let tabs = 0;
  while (
    !(await page.evaluate(() => document.activeElement?.classList.contains('appointments-slot')))
  ) {
    await page.keyboard.press('Tab');
    tabs += 1;
    if (tabs > 40) throw new Error('40 Tab presses did not reach an open time.');
  }
  expect(tabs).toBeLessThanOrEqual(MAX_TABS_TO_FIRST_TIME);
  const focused = page.locator(':focus');
  expect(await focused.evaluate((node) => node.matches('a.appointments-slot'))).toBe(true);
  const firstLink = timeLinks(times).first();
  expect(await focused.getAttribute('href')).toBe(await firstLink.getAttribute('href'));
  // Its name says the date, the time with its zone, who and where.
  expect(await focused.evaluate((node) => node.textContent ?? '')).toMatch(
    // The zone as the browser names it: EST, CDT … or GMT+7 where it has no abbreviation.
    /^\w+, \w+ \d+, \d{4}, \d+:\d\d [AP]M (?:[A-Z]{2,5}|GMT[+-]\d{1,2}(?::\d\d)?) with .+ at .+$/,
  );
  // Visible focus, and 44 px targets.
  expect(await focused.evaluate((node) => getComputedStyle(node).outlineStyle !== 'none')).toBe(
    true,
  );
  for (const target of [firstLink, days.locator('label').first()]) {
    const box = await target.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }

  // Later times start on the day after the last day shown.
  const nextDay = addDays(lastDay, 1);
  const later = await openTimesAnswer(page, () =>
    times.getByRole('button', { name: 'Show later times', exact: true }).click(),
  );
  expect(new URL(page.url()).searchParams.get('from')).toBe(nextDay);
  expect(later.query.get('from')).toBe(new Date(startOfZonedDay(nextDay, 'UTC')).toISOString());
  await waitUntil(
    async () =>
      (await later.times
        .getByRole('group', { name: 'Choose a day' })
        .getByRole('radio')
        .first()
        .evaluate((node) => (node as HTMLInputElement).value)) === nextDay,
    `the day strip from ${nextDay}`,
  );
  await check('open times: later times');
}

// --- 2. grouped by location, each in its own zone ----------------------------------------------

async function zones(viewport: Viewport, page: Page, api: PageApi, clinic: Clinic) {
  const followUp = named(clinic.visitTypes, 'Follow-up visit', (item) => item.name);
  const main = named(clinic.locations, MAIN_STREET, (item) => item.name);
  const lakeside = named(clinic.locations, LAKESIDE, (item) => item.name);
  expect(main.timeZone).not.toBe(lakeside.timeZone);
  // A day ahead with times at both locations, found through the API as the patient.
  const now = Date.now();
  const fromDay = addDays(zonedDate(now, 'UTC'), 2);
  const slots = (
    await api.get<{ items: OpenSlot[] }>('/api/v1/slots', {
      visitTypeId: followUp.id,
      from: new Date(startOfZonedDay(fromDay, 'UTC')).toISOString(),
      to: new Date(startOfZonedDay(addDays(fromDay, 7), 'UTC')).toISOString(),
      limit: 100,
    })
  ).items;
  const both = [...new Set(slots.map((slot) => zonedDate(slot.startsAt, 'UTC')))].find((day) =>
    [main.id, lakeside.id].every((id) =>
      slots.some((slot) => slot.location.id === id && zonedDate(slot.startsAt, 'UTC') === day),
    ),
  );
  if (!both) throw new Error(`No day from ${fromDay} has open times at both demo locations.`);

  const { times } = await openTimesAnswer(page, () =>
    page.goto(`/appointments/new?visitTypeId=${followUp.id}&from=${both}`),
  );
  await waitForHeading(page, 'Step 2 of 3: Choose a time', 'open times on one day');
  const zoneName = { [main.id]: 'Central Time', [lakeside.id]: 'Eastern Time' };
  const abbreviations = { [main.id]: /^(CST|CDT)$/, [lakeside.id]: /^(EST|EDT)$/ };
  for (const location of [main, lakeside]) {
    const group = times.getByRole('region', {
      name: new RegExp(`^${location.name}, .+ \\(${zoneName[location.id]}\\)$`),
    });
    await waitForVisible(page, group, `the times at ${location.name}, named with its zone`);
    const links = group.locator('a.appointments-slot');
    const written = await links.locator('.appointments-slot__time').allInnerTexts();
    expect(written.length).toBeGreaterThan(0);
    for (const text of written) {
      expect(text.replace(/\s/g, ' ').split(' ').at(-1)).toMatch(abbreviations[location.id]!);
    }
    for (const link of await links.all()) {
      expect((await slotOfLink(link)).locationId).toBe(location.id);
    }
  }
  await checkScreen(page, new ScreenChecker(), viewport, 'open times: two locations, two zones');
}

// --- 3. a time inside the change cutoff ---------------------------------------------------------

async function cutoff(
  viewport: Viewport,
  page: Page,
  api: PageApi,
  clinic: Clinic,
  tidyUps: Cleanup[],
) {
  const flu = named(clinic.visitTypes, 'Flu shot', (item) => item.name);
  const main = named(clinic.locations, MAIN_STREET, (item) => item.name);
  const ortiz = named(clinic.providers, 'Jamie Ortiz, NP', (item) => item.displayName);
  const now = Date.now();
  const soon = (
    await api.get<{ items: OpenSlot[] }>('/api/v1/slots', {
      visitTypeId: flu.id,
      providerId: ortiz.id,
      locationId: main.id,
      from: new Date(now).toISOString(),
      to: new Date(now + 20 * 60 * MINUTE_MS).toISOString(),
      limit: 1,
    })
  ).items;
  if (soon.length === 0) {
    // No weekly hours in the next 20 hours: front desk opens an hour starting in 30 minutes.
    const staff = await openPage(viewport);
    expect((await staff.goto('/admin/'))?.status()).toBe(200);
    await waitForHeading(staff, 'Sign in', 'staff sign-in');
    await signInStaff(staff, new ScreenChecker(), FRONT_DESK);
    await openExtraHour(
      new PageApi(staff),
      ortiz.id,
      main.id,
      floorToFiveMinutes(now) + 30 * MINUTE_MS,
      'open soon, for a time inside the cutoff',
      tidyUps,
    );
  }

  const { items, times } = await openTimesAnswer(page, () =>
    page.goto(
      `/appointments/new?visitTypeId=${flu.id}&providerId=${ortiz.id}&locationId=${main.id}`,
    ),
  );
  await waitForHeading(page, 'Step 2 of 3: Choose a time', 'open times today');
  const late = items.find((slot) => !slot.canChangeOnline);
  if (!late) throw new Error('No open time inside the change cutoff was found.');
  expect(Date.parse(late.changeableUntil)).toBeLessThan(Date.now());
  const firstLink = timeLinks(times).first();
  await waitForVisible(page, firstLink, 'the first open time');
  expect(Date.parse((await slotOfLink(firstLink)).startsAt)).toBe(Date.parse(items[0]!.startsAt));
  expect(await textOf(firstLink)).toMatch(/Can’t change online$/);
  const group = times.getByRole('region', { name: new RegExp(`^${main.name}, `) });
  const groupText = await textOf(group);
  expect(groupText).toContain(
    'Times marked “Can’t change online” are less than 24 hours away. You can book them, but ' +
      `you can’t change or cancel them online afterwards. To change or cancel one, call ${main.name} at ${main.phone}.`,
  );
  const phone = group.getByRole('link', { name: main.phone, exact: true });
  expect(await phone.getAttribute('href')).toMatch(/^tel:\+?[0-9]+$/);
  await checkScreen(page, new ScreenChecker(), viewport, 'open times: inside the cutoff');

  await firstLink.click();
  await waitForHeading(page, 'Step 3 of 3: Check and book', 'check and book inside the cutoff');
  const warning = page.getByRole('status', {
    name: 'This time can’t be changed or cancelled online',
  });
  await waitForVisible(page, warning, 'the cutoff warning before booking');
  expect(await textOf(warning)).toContain(
    `Once it is booked, you can’t change or cancel it online. To change or cancel it, call ${main.name} at ${main.phone}.`,
  );
  await checkScreen(page, new ScreenChecker(), viewport, 'check and book: inside the cutoff');
}

// --- 4. rescheduling starts from the visit ------------------------------------------------------

async function reschedule(
  viewport: Viewport,
  page: Page,
  api: PageApi,
  clinic: Clinic,
  tidyUps: Cleanup[],
) {
  const patientId = await api.ownPatientId();
  await api.cancelLeftovers(patientId);
  const flu = named(clinic.visitTypes, 'Flu shot', (item) => item.name);
  const fischer = named(clinic.providers, 'Dr. Elena Fischer', (item) => item.displayName);
  // A visit booked a few days ahead with a provider who works at both locations.
  const fromDay = addDays(zonedDate(Date.now(), 'UTC'), viewport === 'phone' ? 5 : 6);
  const [slot] = (
    await api.get<{ items: OpenSlot[] }>('/api/v1/slots', {
      visitTypeId: flu.id,
      providerId: fischer.id,
      from: new Date(startOfZonedDay(fromDay, 'UTC')).toISOString(),
      limit: 1,
    })
  ).items;
  if (!slot) throw new Error(`Dr. Fischer has no flu-shot time from ${fromDay}.`);
  const booked = await api.post<Appointment>(`/api/v1/patients/${patientId}/appointments`, {
    visitTypeId: flu.id,
    providerId: fischer.id,
    locationId: slot.location.id,
    startsAt: slot.startsAt,
    reason: `${MARK} ${uniqueTag()}: reschedule from the visit`,
  });
  tidyUps.push(async () => {
    const left = await api.appointment(patientId, booked.id);
    if (left.status === 'booked') await api.cancel(left, `${MARK}: tidied up after the journey`);
  });

  await page.goto(`/appointments/${booked.id}`);
  await waitForHeading(page, 'Your appointment', 'the booked visit');
  // The first open times asked for are already those of the visit's choices.
  const { query, times } = await openTimesAnswer(page, () =>
    page.getByRole('link', { name: 'Reschedule', exact: true }).click(),
  );
  expect(query.get('visitTypeId')).toBe(flu.id);
  expect(query.get('providerId')).toBe(fischer.id);
  expect(query.get('locationId')).toBe(booked.location.id);
  await waitForHeading(page, 'Choose a new time', 'reschedule: choose a new time');
  const visitDay = zonedDate(booked.startsAt, booked.location.timeZone);
  await page.waitForURL((url) => url.searchParams.get('from') === visitDay);
  const url = new URL(page.url()).searchParams;
  expect(url.get('providerId')).toBe(fischer.id);
  expect(url.get('locationId')).toBe(booked.location.id);
  const form = page.getByRole('form', { name: 'Narrow down the times' });
  const value = (label: string) =>
    form.getByLabel(label, { exact: true }).evaluate((node) => (node as HTMLInputElement).value);
  await waitUntil(async () => (await value('Show times from')) === visitDay, 'the visit’s day');
  expect(await value('Provider')).toBe(fischer.id);
  expect(await value('Location')).toBe(booked.location.id);
  const first = timeLinks(times).first();
  await waitForVisible(page, first, 'a new time with the same provider');
  expect(await textOf(first)).toContain(`with ${fischer.displayName} at ${booked.location.name}`);
  await checkScreen(page, new ScreenChecker(), viewport, 'reschedule: from the visit');
}

describe.each<Viewport>(['phone', 'desktop'])('booking by day on a %s', (viewport) => {
  it(
    'offers days, a truthful range, later times, zones by location, the cutoff, and reschedules from the visit',
    () =>
      withTidyUps(async (tidyUps) => {
        const page = await openPage(viewport);
        const screens = new ScreenChecker();
        await signInPatient(page, PATIENTS[viewport], (p, screen) =>
          checkScreen(p, screens, viewport, screen),
        );
        const api = new PageApi(page);
        const clinic = await clinicOf(api);
        await dayStrip(viewport, page, api, clinic);
        await zones(viewport, page, api, clinic);
        await cutoff(viewport, page, api, clinic, tidyUps);
        await reschedule(viewport, page, api, clinic, tidyUps);
      }),
    TIMEOUT_MS,
  );
});
