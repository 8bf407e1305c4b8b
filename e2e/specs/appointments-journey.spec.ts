/**
 * The appointments journeys, end to end in a real browser, once on a phone (360 px) and once on
 * a desktop:
 *
 * 1. a demo patient signs in, sees the seeded upcoming visit, finds a time (a kind of visit
 *    bookable online, any provider, the first open time), books it with a reason, reads the
 *    confirmation in words and the location's address, phone and map link, gets the
 *    confirmation email (date and place, never the reason) and a calendar file, reschedules to
 *    another open time, then cancels with a reason of their own: the visit is listed as
 *    cancelled under Past, and the cancellation email arrives;
 * 2. front desk finds a seeded visit on a provider's day and week, opens the patient's chart
 *    from it, books a visit for today from the chart's Appointments tab and marks the patient
 *    arrived, then undoes the mark and cancels the visit.
 *
 * Each viewport books for its own patient, on its own kind of visit and first day, and cancels
 * what it books, so the runs never meet and the patients stay under their limit of online
 * bookings. Every screen is checked with axe and for page errors; on the phone, no screen
 * scrolls sideways.
 *
 * "Mark arrived" is only allowed on the day of the visit, and the demo providers work weekdays
 * 9:00–17:00. So the staff journey books the first open time TODAY: when the weekly hours leave
 * none (a weekend, the evening, a holiday week), it first opens an hour of extra hours from now
 * through the API, as front desk would on the Hours page, and removes it afterwards. The same
 * screens are then used whatever the day and hour.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import {
  addDays,
  calendarLines,
  MARK,
  signInPatient,
  slotOfLink,
  textOf,
  uniqueTag,
  waitUntil,
  withTidyUps,
  type Cleanup,
  calendarUtc,
  checkScreen,
  emailContent,
  floorToFiveMinutes,
  FRONT_DESK,
  MINUTE_MS,
  openExtraHour,
  PageApi,
  startOfZonedDay,
  waitForEmailTitled,
  wallClock,
  writtenInApp,
  writtenInEmail,
  zonedDate,
  type Appointment,
  type Location,
  type OpenSlot,
  type Provider,
  type VisitType,
} from '../support/appointments.js';
import { openPage, type Viewport } from '../support/browser.js';
import { baseUrl } from '../support/env.js';
import {
  outboxSnapshot,
  ScreenChecker,
  signInStaff,
  waitForHeading,
  waitForVisible,
} from '../support/journey.js';

/** Sign-ins hash with argon2id and mail goes through a queue: a journey takes a while. */
const JOURNEY_TIMEOUT_MS = 180_000;
/** Patients change or cancel online only until 24 hours before (CANCEL_CUTOFF_HOURS). */
const CUTOFF_MS = 24 * 60 * MINUTE_MS;

/** The demo patients without a second factor (README), one per viewport, and their seeded visit. */
const PATIENTS = {
  phone: {
    username: 'alex.demo',
    greeting: 'Alex',
    email: 'alex.demo@portal.localhost',
    seeded: { provider: 'Dr. Priya Shah', visitType: 'Annual physical' },
    visitType: 'Flu shot',
    daysAhead: 3,
  },
  desktop: {
    username: 'jordan.demo',
    greeting: 'Jordan',
    email: 'jordan.demo@portal.localhost',
    seeded: { provider: 'Dr. Elena Fischer', visitType: 'Follow-up visit' },
    visitType: 'Annual physical',
    daysAhead: 4,
  },
} as const satisfies Record<Viewport, object>;

/** The staff journey's patient (not used by the patient journeys) and the seeded visit it finds. */
const CHART_PATIENT = {
  givenName: 'Samuel',
  familyName: 'Okafor',
  fullName: 'Samuel Okafor',
  scheduleName: 'Samuel (Sam) Okafor',
  seeded: { provider: 'Dr. Marcus Bell', visitType: 'Follow-up visit' },
};
/** Today's visit: a short one with a provider who offers it and works at Main Street. */
const TODAY_VISIT = { visitType: 'Flu shot', provider: 'Jamie Ortiz, NP' };
const MAIN_STREET = 'Riverside Family Clinic – Main Street';
const LAKESIDE = 'Riverside Family Clinic – Lakeside';

/** The seeded upcoming visit, or a plain explanation of why it is missing. */
function seededVisit(
  upcoming: Appointment[],
  who: string,
  seeded: { provider: string; visitType: string },
): Appointment {
  const found = upcoming.find(
    (appointment) =>
      appointment.bookedBy === 'staff' &&
      appointment.status === 'booked' &&
      appointment.provider.displayName === seeded.provider &&
      appointment.visitType.name === seeded.visitType,
  );
  if (!found) {
    throw new Error(
      `${who} has no upcoming "${seeded.visitType}" with ${seeded.provider} from the demo seed ` +
        '(it is seeded about two weeks ahead of the day the database was first seeded; an ' +
        `older DATABASE_URL database no longer has it). Upcoming: ${JSON.stringify(
          upcoming.map((a) => [a.startsAt, a.provider.displayName, a.visitType.name]),
        )}`,
    );
  }
  return found;
}

/** The items of a list (its direct <li> children). */
function listItems(list: Locator): Locator {
  return list.locator(':scope > li');
}

/** The instants of the <time datetime> elements inside a part of the page. */
async function timesIn(scope: Locator): Promise<number[]> {
  const values = await scope
    .locator('time[datetime]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
  return values.map((value) => Date.parse(value));
}

/** Sets "Show times from" and waits for the open times of that first day. */
async function showTimesFrom(page: Page, day: string): Promise<Locator> {
  const search = page.getByRole('form', { name: 'Narrow down the times' });
  await search.getByLabel('Show times from', { exact: true }).fill(day);
  await search.getByRole('button', { name: 'Show times', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('from') === day);
  const times = page.getByRole('region', { name: 'Open times' });
  await waitForVisible(
    page,
    times.getByText(/^From .+ to .+\./),
    `the open times from ${day} (the range said in words)`,
  );
  const firstTime = times.getByRole('list').first().getByRole('link').first();
  await waitForVisible(page, firstTime, `an open time from ${day}`);
  // The times of the days shown before may linger for a moment: wait for those of `day` on.
  await waitUntil(
    async () =>
      Date.parse((await slotOfLink(firstTime)).startsAt) >= Date.parse(`${day}T00:00:00Z`),
    `the open times from ${day}`,
  );
  return times;
}

/** The first open time in the list that is not at `except`. */
async function firstTimeOtherThan(times: Locator, except: string): Promise<Locator> {
  const links = times.getByRole('list').getByRole('link');
  const count = await links.count();
  for (let index = 0; index < count; index++) {
    const link = links.nth(index);
    if (Date.parse((await slotOfLink(link)).startsAt) !== Date.parse(except)) return link;
  }
  throw new Error(`No open time other than ${except} is listed.`);
}

// --- 1. the patient -------------------------------------------------------------------------

async function patientJourney(viewport: Viewport, cleanups: Cleanup[]): Promise<void> {
  const who = PATIENTS[viewport];
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);
  const tag = uniqueTag();
  const reason = `${MARK} ${tag}: sore shoulder since the weekend`;
  const cancelReason = `${MARK} ${tag}: my work shift changed`;
  // Day one of the search, as "Show times from" takes it (in the browser's zone, UTC): far
  // enough ahead that every time offered can still be changed online.
  const fromDay = addDays(new Date().toISOString().slice(0, 10), who.daysAhead);

  const page = await openPage(viewport);
  await signInPatient(page, who, check);

  const api = new PageApi(page);
  const patientId = await api.ownPatientId();
  await api.cancelLeftovers(patientId);
  const seeded = seededVisit(
    await api.appointments(patientId, 'upcoming'),
    who.username,
    who.seeded,
  );
  const locations = await api.all<Location>('/api/v1/locations');

  let bookedId: string | null = null;
  cleanups.push(async () => {
    if (!bookedId) return;
    const left = await api.appointment(patientId, bookedId);
    if (left.status === 'booked') await api.cancel(left, `${MARK}: tidied up after the journey`);
  });

  // Appointments: the seeded upcoming visit, written out in its location's zone.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Appointments', exact: true })
    .click();
  await waitForHeading(page, 'Appointments', 'appointments');
  const upcoming = page.getByRole('list', { name: 'Your upcoming visits' });
  await waitForVisible(page, upcoming, 'the list of upcoming visits');
  const seededCard = listItems(upcoming).filter({
    has: page.locator(`time[datetime="${seeded.startsAt}"]`),
  });
  await waitForVisible(page, seededCard, 'the seeded upcoming visit');
  const seededWords = await writtenInApp(page, seeded.startsAt, seeded.location.timeZone);
  expect(await textOf(seededCard.getByRole('heading', { level: 2 }))).toBe(seededWords);
  const seededText = await textOf(seededCard);
  expect(seededText).toContain(who.seeded.provider);
  expect(seededText).toContain(who.seeded.visitType);
  expect(seededText).toContain(seeded.location.name);
  expect(seededText).toContain('Booked');
  await check(page, 'appointments: upcoming');

  // Find a time: the kind of visit, then any provider from the first day, the first open time.
  await page
    .getByRole('main')
    .getByRole('link', { name: 'Find a time', exact: true })
    .first()
    .click();
  await waitForHeading(page, 'Step 1 of 3: Choose the kind of visit', 'find a time: kind of visit');
  const visitType = page.getByRole('radio', { name: new RegExp(`^${who.visitType} \\(`) });
  await waitForVisible(page, visitType, `the choice "${who.visitType}"`);
  // Only kinds of visit bookable online are offered: not the clinic-only "Procedure".
  const offered = async (name: string) =>
    page.getByRole('radio', { name: new RegExp(`^${name} \\(`) }).count();
  await expect(offered('Flu shot')).resolves.toBe(1);
  await expect(offered('Procedure')).resolves.toBe(0);
  await check(page, 'find a time: kind of visit');
  await visitType.check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();

  await waitForHeading(page, 'Step 2 of 3: Choose a time', 'find a time: open times');
  await expect(
    page
      .getByLabel('Provider', { exact: true })
      .evaluate((select) => (select as HTMLSelectElement).value),
  ).resolves.toBe('');
  const times = await showTimesFrom(page, fromDay);
  await check(page, 'find a time: open times');
  const firstTime = times.getByRole('list').first().getByRole('link').first();
  const chosen = await slotOfLink(firstTime);
  expect(Date.parse(chosen.startsAt)).toBeGreaterThanOrEqual(Date.parse(`${fromDay}T00:00:00Z`));
  expect(Date.parse(chosen.startsAt) - Date.now()).toBeGreaterThan(CUTOFF_MS);
  const location = locations.find((candidate) => candidate.id === chosen.locationId);
  if (!location) throw new Error(`The open time is at an unknown location ${chosen.locationId}.`);
  const zone = location.timeZone;
  await firstTime.click();

  // Check and book, with a reason for the care team.
  await waitForHeading(page, 'Step 3 of 3: Check and book', 'find a time: check and book');
  const words = await writtenInApp(page, chosen.startsAt, zone);
  expect(await textOf(page.getByRole('main'))).toContain(words);
  await page.getByLabel('Reason for the visit (optional)', { exact: true }).fill(reason);
  await check(page, 'find a time: check and book');
  const beforeBooking = await outboxSnapshot();
  await page.getByRole('button', { name: 'Book this time', exact: true }).click();

  // The confirmation, in words, on the appointment's own page.
  await waitForHeading(page, 'Your appointment', 'appointment details after booking');
  bookedId = /\/appointments\/([^/?#]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? null;
  if (!bookedId) throw new Error(`Booking ended on ${page.url()}, not on the appointment's page.`);
  const appointmentId = bookedId;
  await waitForVisible(
    page,
    page.getByText(`Your appointment on ${words} is booked.`),
    'the booking confirmation with the date and time in words',
  );
  const booked = await api.appointment(patientId, appointmentId);
  expect(booked).toMatchObject({
    status: 'booked',
    bookedBy: 'patient',
    reason,
    canChangeOnline: true,
    visitType: { name: who.visitType },
    location: { id: location.id },
  });
  expect(Date.parse(booked.startsAt)).toBe(Date.parse(chosen.startsAt));

  // Where to go: the address, the phone and a map link.
  const where = page.getByRole('region', { name: 'Where to go' });
  const whereText = await textOf(where);
  for (const part of [location.name, location.address.line1, location.address.city]) {
    expect(whereText).toContain(part);
  }
  const phone = where.getByRole('link', { name: location.phone, exact: true });
  expect(await phone.getAttribute('href')).toMatch(/^tel:\+?[0-9]+$/);
  const map = where.getByRole('link', { name: /^Map and directions/ });
  expect(await map.getAttribute('href')).toBe(location.mapUrl);
  expect(location.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=/);
  expect(await textOf(page.getByRole('main'))).toContain(reason); // the patient sees their reason
  await check(page, 'appointment: booked');

  // The confirmation email: when and where, a link to the visit, and never the reason.
  const bookedEmail = await waitForEmailTitled(who.email, /booked/i, beforeBooking);
  const bookedContent = emailContent(bookedEmail);
  expect(bookedContent).toContain(writtenInEmail(booked.startsAt, zone));
  expect(bookedContent).toContain(location.name);
  expect(bookedContent).toContain(location.address.line1);
  expect(bookedEmail.links).toContain(`${baseUrl()}/appointments/${appointmentId}`);
  expect(bookedContent).not.toContain(reason);
  expect(bookedContent).not.toContain(tag);

  // Add to calendar: an .ics file with the start time and the place, without the reason.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to calendar', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const calendar = await readFile(await download.path(), 'utf8');
  const lines = calendarLines(calendar);
  expect(lines).toEqual(
    expect.arrayContaining([
      'BEGIN:VEVENT',
      `DTSTART:${calendarUtc(booked.startsAt)}`,
      `DTEND:${calendarUtc(booked.endsAt)}`,
      `UID:${appointmentId}@portal`,
    ]),
  );
  const unfolded = lines.join('\n');
  expect(unfolded).toContain(location.name);
  expect(unfolded).not.toContain(tag);
  expect(unfolded).not.toContain('sore shoulder');
  await check(page, 'appointment: after adding to the calendar');

  // Reschedule to another open time, from the same first day.
  const beforeRescheduling = await outboxSnapshot();
  await page.getByRole('link', { name: 'Reschedule', exact: true }).click();
  await waitForHeading(page, 'Choose a new time', 'reschedule: choose a new time');
  const rescheduleTimes = await showTimesFrom(page, fromDay);
  await check(page, 'reschedule: choose a new time');
  const otherTime = await firstTimeOtherThan(rescheduleTimes, booked.startsAt);
  const moved = await slotOfLink(otherTime);
  expect(Date.parse(moved.startsAt) - Date.now()).toBeGreaterThan(CUTOFF_MS);
  const movedZone = locations.find((candidate) => candidate.id === moved.locationId)?.timeZone;
  if (!movedZone) throw new Error(`The new time is at an unknown location ${moved.locationId}.`);
  await otherTime.click();
  await waitForHeading(page, 'Check the new time', 'reschedule: check the new time');
  const newWords = await writtenInApp(page, moved.startsAt, movedZone);
  const reviewText = await textOf(page.getByRole('main'));
  expect(reviewText).toContain(words);
  expect(reviewText).toContain(newWords);
  await check(page, 'reschedule: check the new time');
  await page.getByRole('button', { name: 'Change to this time', exact: true }).click();

  await waitForHeading(page, 'Your appointment', 'appointment details after rescheduling');
  expect(new URL(page.url()).pathname).toBe(`/appointments/${appointmentId}`);
  await waitForVisible(
    page,
    page.getByText(`Your appointment is now on ${newWords}. It was on ${words}.`),
    'the new time confirmed in words, with the old one',
  );
  await check(page, 'appointment: rescheduled');
  const rescheduled = await api.appointment(patientId, appointmentId);
  expect(Date.parse(rescheduled.startsAt)).toBe(Date.parse(moved.startsAt));
  const movedEmail = await waitForEmailTitled(who.email, /new time/i, beforeRescheduling);
  expect(emailContent(movedEmail)).toContain(writtenInEmail(rescheduled.startsAt, movedZone));
  expect(emailContent(movedEmail)).not.toContain(reason);

  // The list has the new time only.
  await page.getByRole('link', { name: 'Back to your appointments', exact: true }).click();
  await waitForHeading(page, 'Appointments', 'appointments after rescheduling');
  // The card of this visit: at its new time, linking to its page (earlier runs may have left
  // cancelled visits at the same time).
  const cardOfVisit = (list: Locator) =>
    listItems(list)
      .filter({ has: page.locator(`time[datetime="${rescheduled.startsAt}"]`) })
      .filter({ has: page.locator(`a[href="/appointments/${appointmentId}"]`) });
  const newCard = cardOfVisit(upcoming);
  await waitForVisible(page, newCard, 'the visit at its new time');
  const listed = await timesIn(upcoming);
  expect(listed).toContain(Date.parse(rescheduled.startsAt));
  expect(listed).not.toContain(Date.parse(booked.startsAt));
  expect(listed).toContain(Date.parse(seeded.startsAt));
  await check(page, 'appointments: after rescheduling');

  // Cancel, with a reason of the patient's own.
  await newCard.getByRole('link', { name: newWords, exact: true }).click();
  await waitForHeading(page, 'Your appointment', 'appointment details before cancelling');
  await page.getByRole('link', { name: 'Cancel appointment', exact: true }).click();
  await waitForHeading(page, 'Cancel appointment', 'cancel appointment');
  expect(await textOf(page.getByRole('main'))).toContain(newWords);
  await check(page, 'cancel appointment');
  const cancelForm = page.getByRole('form', { name: 'Cancel this appointment' });
  await cancelForm.getByRole('radio', { name: 'Another reason', exact: true }).check();
  await cancelForm.getByLabel('Tell us the reason', { exact: true }).fill(cancelReason);
  await check(page, 'cancel appointment: reason given');
  const beforeCancelling = await outboxSnapshot();
  await cancelForm
    .getByRole('button', { name: 'Yes, cancel this appointment', exact: true })
    .click();

  await waitForHeading(page, 'Your appointment', 'appointment details after cancelling');
  await waitForVisible(
    page,
    page.getByText(`Your appointment on ${newWords} is cancelled.`),
    'the cancellation confirmed in words',
  );
  const cancelledText = await textOf(page.getByRole('main'));
  expect(cancelledText).toContain('Cancelled');
  expect(cancelledText).toContain(cancelReason);
  // Nothing left to change: no Reschedule, Cancel or calendar buttons.
  await expect(page.getByRole('link', { name: 'Reschedule', exact: true }).count()).resolves.toBe(
    0,
  );
  await expect(
    page.getByRole('button', { name: 'Add to calendar', exact: true }).count(),
  ).resolves.toBe(0);
  await check(page, 'appointment: cancelled');

  const cancelledEmail = await waitForEmailTitled(who.email, /cancelled/i, beforeCancelling);
  const cancelledContent = emailContent(cancelledEmail);
  expect(cancelledContent).toContain(writtenInEmail(rescheduled.startsAt, movedZone));
  expect(cancelledContent).toContain(rescheduled.location.name);
  expect(cancelledContent).not.toContain(reason);
  expect(cancelledContent).not.toContain(cancelReason);

  // Under Past, marked cancelled; gone from Upcoming.
  await page.getByRole('link', { name: 'Back to your appointments', exact: true }).click();
  await waitForHeading(page, 'Appointments', 'appointments after cancelling');
  await waitForVisible(page, seededCard, 'the upcoming visits after cancelling');
  // The list shown from before is refreshed on arrival: wait for it to drop the visit.
  await waitUntil(
    async () => !(await timesIn(upcoming)).includes(Date.parse(rescheduled.startsAt)),
    'the cancelled visit to leave the upcoming list',
  );
  await page
    .getByRole('navigation', { name: 'Which visits to show' })
    .getByRole('link', { name: 'Past', exact: true })
    .click();
  const past = page.getByRole('list', { name: 'Your past visits' });
  const pastCard = cardOfVisit(past);
  await waitForVisible(page, pastCard, 'the cancelled visit under Past');
  expect(await textOf(pastCard)).toContain('Cancelled');
  await check(page, 'appointments: past');

  expect(screens.checked).toEqual(
    expect.arrayContaining([
      'appointments: upcoming',
      'find a time: kind of visit',
      'find a time: open times',
      'find a time: check and book',
      'appointment: booked',
      'reschedule: choose a new time',
      'reschedule: check the new time',
      'appointment: rescheduled',
      'cancel appointment',
      'appointment: cancelled',
      'appointments: past',
    ]),
  );
}

// --- 2. front desk --------------------------------------------------------------------------

interface Patient {
  id: string;
  givenName: string;
  familyName: string;
}

interface TodaysPlace {
  location: Location;
  provider: Provider;
  visitType: VisitType;
  today: string;
}

/**
 * Where today's visit is booked: Main Street, unless its day is nearly over (after 23:00 in
 * Chicago), then Lakeside, where a new day has just begun. When the weekly hours leave no open
 * time today at least 15 minutes ahead, extra hours from now on are added (and removed after).
 */
async function openTimeToday(api: PageApi, cleanups: Cleanup[]): Promise<TodaysPlace> {
  const [locations, providers, visitTypes] = await Promise.all([
    api.all<Location>('/api/v1/locations'),
    api.all<Provider>('/api/v1/providers'),
    api.all<VisitType>('/api/v1/visit-types'),
  ]);
  const byName = <T>(items: T[], name: string, key: (item: T) => string): T => {
    const found = items.find((item) => key(item) === name);
    if (!found) throw new Error(`The demo clinic has no "${name}".`);
    return found;
  };
  const main = byName(locations, MAIN_STREET, (item) => item.name);
  const location =
    wallClock(Date.now(), main.timeZone).hour >= 23
      ? byName(locations, LAKESIDE, (item) => item.name)
      : main;
  const provider = byName(providers, TODAY_VISIT.provider, (item) => item.displayName);
  const visitType = byName(visitTypes, TODAY_VISIT.visitType, (item) => item.name);
  const zone = location.timeZone;
  const now = Date.now();
  const today = zonedDate(now, zone);

  // Left by an interrupted run: its extra hours would be taken for weekly ones.
  const availability = await api.get<{ exceptions: { id: string; note: string | null }[] }>(
    `/api/v1/providers/${provider.id}/availability`,
  );
  for (const exception of availability.exceptions) {
    if (exception.note?.startsWith(MARK)) {
      await api.delete(`/api/v1/providers/${provider.id}/exceptions/${exception.id}`);
    }
  }

  const from = now + 15 * MINUTE_MS;
  const endOfToday = startOfZonedDay(addDays(today, 1), zone);
  const slots =
    from < endOfToday
      ? (
          await api.get<{ items: OpenSlot[] }>('/api/v1/slots', {
            visitTypeId: visitType.id,
            providerId: provider.id,
            locationId: location.id,
            from: new Date(from).toISOString(),
            to: new Date(endOfToday).toISOString(),
          })
        ).items
      : [];
  if (slots.length === 0) {
    await openExtraHour(
      api,
      provider.id,
      location.id,
      floorToFiveMinutes(now),
      'open now, for marking an arrival',
      cleanups,
    );
  }
  return { location, provider, visitType, today };
}

/** Cancels an appointment through the API whatever its mark (staff may cancel an arrival). */
async function cancelAsStaff(api: PageApi, appointment: Appointment): Promise<void> {
  if (appointment.status === 'booked' || appointment.status === 'arrived') {
    await api.cancel(appointment, `${MARK}: tidied up after the journey`);
  }
}

async function staffJourney(viewport: Viewport, cleanups: Cleanup[]): Promise<void> {
  const screens = new ScreenChecker();
  const check = (page: Page, screen: string) => checkScreen(page, screens, viewport, screen);
  const tag = uniqueTag();
  const reason = `${MARK} ${tag}: seasonal vaccine`;
  const cancelReason = `${MARK} ${tag}: the patient asked to come another day`;

  const page = await openPage(viewport);
  expect((await page.goto('/admin/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'staff sign-in');
  await screens.check(page, 'staff sign-in');
  await signInStaff(page, screens, FRONT_DESK);
  await screens.check(page, 'staff home');

  const api = new PageApi(page);
  const patient = (
    await api.get<{ items: Patient[] }>('/api/v1/patients', { query: CHART_PATIENT.familyName })
  ).items.find(
    (item) =>
      item.givenName === CHART_PATIENT.givenName && item.familyName === CHART_PATIENT.familyName,
  );
  if (!patient) throw new Error(`The demo patient ${CHART_PATIENT.fullName} is missing.`);
  const upcomingBefore = await api.appointments(patient.id, 'upcoming');
  for (const left of upcomingBefore) {
    if (left.reason?.startsWith(MARK)) await cancelAsStaff(api, left);
  }
  const seeded = seededVisit(upcomingBefore, CHART_PATIENT.fullName, CHART_PATIENT.seeded);
  const seededDay = zonedDate(seeded.startsAt, seeded.location.timeZone);

  // Schedule: the provider's day of the seeded visit lists it with the patient's name.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule', exact: true })
    .click();
  await waitForHeading(page, 'Schedule', 'schedule');
  await page
    .getByLabel('Schedule of', { exact: true })
    .selectOption({ label: CHART_PATIENT.seeded.provider });
  await page.getByLabel('Date', { exact: true }).fill(seededDay);
  const day = page.getByRole('region').filter({ has: page.locator(`h2#day-${seededDay}`) });
  const seededItem = listItems(day.getByRole('list')).filter({
    has: page.locator(`time[datetime="${seeded.startsAt}"]`),
  });
  await waitForVisible(page, seededItem, 'the seeded visit on the provider’s day');
  const seededText = await textOf(seededItem);
  expect(seededText).toContain(CHART_PATIENT.scheduleName);
  expect(seededText).toContain(CHART_PATIENT.seeded.visitType);
  expect(seededText).toContain('Booked');
  await expect(
    page.getByRole('status').filter({ hasText: CHART_PATIENT.seeded.provider }).count(),
  ).resolves.toBeGreaterThan(0);
  await check(page, 'schedule: a provider’s day');

  // The week view lists it too.
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('view') === 'week');
  await waitForVisible(
    page,
    page.getByRole('button', { name: 'Week', exact: true, pressed: true }),
    'the week view chosen',
  );
  await waitForVisible(page, seededItem, 'the seeded visit in the provider’s week');
  await expect(page.locator('h2[id^="day-"]').count()).resolves.toBe(7);
  await check(page, 'schedule: a provider’s week');

  // From the schedule to the patient's chart, Appointments tab.
  await seededItem.getByRole('link', { name: CHART_PATIENT.scheduleName, exact: true }).click();
  await waitForHeading(page, CHART_PATIENT.fullName, 'patient chart');
  const upcomingTable = page.getByRole('table', {
    name: `Upcoming appointments of ${CHART_PATIENT.fullName}, earliest first`,
  });
  await waitForVisible(page, upcomingTable, 'the upcoming appointments in the chart');
  await waitForVisible(
    page,
    upcomingTable
      .getByRole('row')
      .filter({ has: page.locator(`time[datetime="${seeded.startsAt}"]`) }),
    'the seeded visit in the chart',
  );
  await check(page, 'patient chart: appointments');

  // Book for today: the kind of visit, provider and place, and the first open time.
  const place = await openTimeToday(api, cleanups);
  let bookedId: string | null = null;
  cleanups.push(async () => {
    if (bookedId) await cancelAsStaff(api, await api.appointment(patient.id, bookedId));
  });
  await page.getByRole('button', { name: 'Book an appointment', exact: true }).click();
  const form = page.getByRole('region', {
    name: `Book an appointment for ${CHART_PATIENT.fullName}`,
  });
  await waitForVisible(page, form, 'the booking form in the chart');
  await form.getByLabel('Visit type', { exact: true }).selectOption({
    label: `${place.visitType.name} (${place.visitType.durationMinutes} minutes)`,
  });
  await form
    .getByLabel('Provider', { exact: true })
    .selectOption({ label: place.provider.displayName });
  await form.getByLabel('Location', { exact: true }).selectOption({ label: place.location.name });
  const firstTime = form.getByRole('radio').first();
  await waitForVisible(page, firstTime, 'the open times');
  const [startsAtValue] = ((await firstTime.getAttribute('value')) ?? '').split('|');
  const startsAt = startsAtValue ?? '';
  expect({ firstOpenTimeDay: zonedDate(startsAt, place.location.timeZone) }).toEqual({
    firstOpenTimeDay: place.today,
  });
  await firstTime.check();
  await form.getByLabel('Reason for the visit (optional)', { exact: true }).fill(reason);
  await check(page, 'patient chart: booking form');
  await form.getByRole('button', { name: 'Book appointment', exact: true }).click();

  await waitForVisible(
    page,
    page.getByText(
      new RegExp(`^Booked: ${CHART_PATIENT.fullName}, .+, with ${place.provider.displayName}`),
    ),
    'the "Booked" message',
  );
  const booked = (await api.appointments(patient.id, 'upcoming')).find(
    (item) => Date.parse(item.startsAt) === Date.parse(startsAt) && item.reason === reason,
  );
  if (!booked) throw new Error(`The visit booked at ${startsAt} is not among the upcoming ones.`);
  bookedId = booked.id;
  expect(booked).toMatchObject({ status: 'booked', bookedBy: 'staff' });
  // Earlier runs may have left cancelled visits at the same time: this one has its own reason.
  const row = page
    .getByRole('row')
    .filter({ has: page.locator(`time[datetime="${booked.startsAt}"]`) })
    .filter({ hasText: tag });
  await waitForVisible(page, row, 'the new visit in the chart');
  const rowText = await textOf(row);
  expect(rowText).toContain(place.provider.displayName);
  expect(rowText).toContain(place.visitType.name);
  expect(rowText).toContain('Booked by staff');
  await check(page, 'patient chart: booked for today');

  // Mark arrived: allowed, since the visit is today.
  await row.getByRole('button', { name: /^Mark arrived/ }).click();
  await waitForVisible(
    page,
    page.getByText(`${CHART_PATIENT.fullName} is marked as arrived.`),
    'the "marked as arrived" message',
  );
  await waitForVisible(page, row.getByText('Arrived', { exact: true }), 'the status Arrived');
  expect((await api.appointment(patient.id, booked.id)).status).toBe('arrived');
  await check(page, 'patient chart: arrived');

  // Undo the mark, then cancel with a reason: listed under past and cancelled.
  await row.getByRole('button', { name: /^Undo arrival/ }).click();
  await waitForVisible(page, page.getByText(/The mark is undone/), 'the "mark undone" message');
  await row.getByRole('button', { name: /^Cancel/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this appointment?' });
  await waitForVisible(page, dialog, 'the cancel dialog');
  await dialog.getByLabel('Reason for cancelling', { exact: true }).fill(cancelReason);
  await check(page, 'patient chart: cancel dialog');
  await dialog.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
  const pastTable = page.getByRole('table', {
    name: `Past and cancelled appointments of ${CHART_PATIENT.fullName}, latest first`,
  });
  const cancelledRow = pastTable
    .getByRole('row')
    .filter({ has: page.locator(`time[datetime="${booked.startsAt}"]`) })
    .filter({ hasText: tag });
  await waitForVisible(page, cancelledRow, 'the cancelled visit under past and cancelled');
  expect(await textOf(cancelledRow)).toContain('Cancelled');
  expect(await textOf(cancelledRow)).toContain(cancelReason);
  expect((await api.appointment(patient.id, booked.id)).status).toBe('cancelled');
  await check(page, 'patient chart: cancelled');
}

describe.each<Viewport>(['phone', 'desktop'])('appointments on a %s', (viewport) => {
  it(
    'a patient books the first open time, gets the email and calendar file, reschedules and cancels',
    () => withTidyUps((tidyUps) => patientJourney(viewport, tidyUps)),
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'front desk finds a visit on the schedule, books today from the chart and marks the arrival',
    () => withTidyUps((tidyUps) => staffJourney(viewport, tidyUps)),
    JOURNEY_TIMEOUT_MS,
  );
});
