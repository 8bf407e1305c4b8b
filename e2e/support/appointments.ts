/**
 * Building blocks for the appointment journeys: the portal API called as the signed-in person
 * of a browser page (to set a day up and tidy it away, never to replace what a person does),
 * calendar arithmetic in a clinic location's time zone, dates and times written out as the
 * apps and the emails write them, emails picked by subject, and calendar files read back.
 */
import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { horizontalOverflow, type Viewport } from './browser.js';
import { baseUrl, csrfCookieValue } from './env.js';
import {
  EMAIL_TIMEOUT_MS,
  SCREEN_TIMEOUT_MS,
  waitForHeading,
  type ScreenChecker,
} from './journey.js';
import { listEmails, type OutboxEmail } from './outbox.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

// --- journeys: sign-in, tidy-ups, open times ------------------------------------------------

/** The demo accounts' password (README). */
export const DEMO_PASSWORD = 'portal-demo-2026';
/** The demo front-desk account. */
export const FRONT_DESK = {
  username: 'frontdesk.demo',
  password: DEMO_PASSWORD,
  email: 'frontdesk.demo@portal.localhost',
};
/** What the specs write as reasons starts so, to find what an interrupted run left behind. */
export const MARK = 'Browser test';

/** Signs a demo patient in from the sign-in page, checking both screens. */
export async function signInPatient(
  page: Page,
  who: { username: string; greeting: string },
  check: (page: Page, screen: string) => Promise<unknown>,
): Promise<void> {
  expect((await page.goto('/'))?.status()).toBe(200);
  await waitForHeading(page, 'Sign in', 'patient sign-in');
  await check(page, 'patient sign-in');
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForHeading(page, `Hello, ${who.greeting}`, 'patient home');
  await check(page, 'patient home');
}

export type Cleanup = () => Promise<void>;

/**
 * Runs a journey, then its tidy-ups (latest first) while its browser page is still open,
 * whether it passed or failed. A failed journey reports its own error first.
 */
export async function withTidyUps(journey: (tidyUps: Cleanup[]) => Promise<void>): Promise<void> {
  const tidyUps: Cleanup[] = [];
  let failure: unknown = null;
  try {
    await journey(tidyUps);
  } catch (error) {
    failure = error;
  }
  const problems: string[] = [];
  for (const tidyUp of tidyUps.reverse()) {
    await tidyUp().catch((error: unknown) => problems.push(String(error)));
  }
  if (failure) {
    if (problems.length && failure instanceof Error) {
      failure.message += `\n(tidying up failed too: ${problems.join('; ')})`;
    }
    throw failure;
  }
  if (problems.length) throw new Error(`Tidying up failed: ${problems.join('\n')}`);
}

export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .padStart(3, '0')}`;
}

export async function textOf(locator: Locator): Promise<string> {
  return plainSpaces(await locator.innerText());
}

/** The time a slot link leads to review, from its address. */
export async function slotOfLink(link: Locator): Promise<{ startsAt: string; locationId: string }> {
  const href = await link.getAttribute('href');
  const params = new URL(href ?? '', baseUrl()).searchParams;
  const startsAt = params.get('startsAt');
  const locationId = params.get('slotLocationId');
  if (!startsAt || !locationId) throw new Error(`An open time links to ${href}, not to a review.`);
  return { startsAt, locationId };
}

/** Polls until `condition` holds, failing with `what` after the screen timeout. */
export async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + SCREEN_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`Waited ${SCREEN_TIMEOUT_MS / 1000} s for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// --- the API as the page's signed-in person -------------------------------------------------

/** The parts of the API's answers the journeys read. */
export interface Location {
  id: string;
  name: string;
  address: {
    line1: string;
    line2?: string;
    city: string;
    region: string;
    postalCode: string;
    country: string;
  };
  phone: string;
  timeZone: string;
  mapUrl: string;
  active: boolean;
}

export interface Provider {
  id: string;
  displayName: string;
  visitTypeIds: string[];
  locationIds: string[];
}

export interface VisitType {
  id: string;
  name: string;
  durationMinutes: number;
}

export interface Appointment {
  id: string;
  patientId: string;
  status: 'booked' | 'arrived' | 'completed' | 'no-show' | 'cancelled';
  startsAt: string;
  endsAt: string;
  provider: { id: string; displayName: string };
  location: Location;
  visitType: { id: string; name: string; durationMinutes: number };
  reason: string | null;
  bookedBy: 'patient' | 'staff';
  cancelReason: string | null;
  version: number;
  canChangeOnline: boolean;
}

export interface OpenSlot {
  startsAt: string;
  endsAt: string;
  provider: { id: string; displayName: string };
  location: { id: string; name: string; timeZone: string };
  changeableUntil: string;
  canChangeOnline: boolean;
}

interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** An API answer that was not what the journey needed, with the problem the API gave. */
async function failure(
  method: string,
  path: string,
  response: { status(): number; text(): Promise<string> },
) {
  return new Error(
    `${method} ${path} answered ${response.status()}: ${(await response.text()).slice(0, 800)}`,
  );
}

/**
 * The portal API with the cookies of a browser page: whoever signed in on that page. State-
 * changing calls echo the CSRF cookie in X-CSRF-Token, as the apps' client does.
 */
export class PageApi {
  constructor(private readonly page: Page) {}

  private async csrfToken(): Promise<string> {
    const find = async () => csrfCookieValue(await this.page.context().cookies());
    let token = await find();
    if (!token) {
      // Any API answer hands the cookie out; the apps have normally asked for one already.
      await this.page.request.get('/api/v1/auth/session');
      token = await find();
    }
    if (!token) throw new Error('The portal handed out no CSRF cookie.');
    return decodeURIComponent(token);
  }

  async get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const params = Object.fromEntries(
      Object.entries(query).filter(
        (entry): entry is [string, string | number] => entry[1] !== undefined,
      ),
    );
    const response = await this.page.request.get(path, { params });
    if (!response.ok()) throw await failure('GET', path, response);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await this.page.request.post(path, {
      data: body as object,
      headers: { 'X-CSRF-Token': await this.csrfToken() },
    });
    if (!response.ok()) throw await failure('POST', path, response);
    return (await response.json()) as T;
  }

  async delete(path: string): Promise<void> {
    const response = await this.page.request.delete(path, {
      headers: { 'X-CSRF-Token': await this.csrfToken() },
    });
    if (!response.ok()) throw await failure('DELETE', path, response);
  }

  /** Every item of a cursor-paginated list. */
  async all<T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.get<ListPage<T>>(path, { ...query, limit: 100, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  /** The signed-in person's own patient id (patients only). */
  async ownPatientId(): Promise<string> {
    const session = await this.get<{ user: { patientId: string | null } }>('/api/v1/auth/session');
    if (!session.user.patientId) throw new Error('The signed-in account is not a patient.');
    return session.user.patientId;
  }

  appointments(patientId: string, when: 'upcoming' | 'past'): Promise<Appointment[]> {
    return this.all<Appointment>(`/api/v1/patients/${patientId}/appointments`, { when });
  }

  appointment(patientId: string, appointmentId: string): Promise<Appointment> {
    return this.get<Appointment>(`/api/v1/patients/${patientId}/appointments/${appointmentId}`);
  }

  /** Cancels what an interrupted earlier run booked: it counts against the online limit. */
  async cancelLeftovers(patientId: string): Promise<void> {
    for (const left of await this.appointments(patientId, 'upcoming')) {
      if (left.bookedBy === 'patient' && left.reason?.startsWith(MARK) && left.canChangeOnline) {
        await this.cancel(left, `${MARK}: left by an interrupted run`);
      }
    }
  }

  cancel(appointment: Appointment, reason: string): Promise<Appointment> {
    return this.post<Appointment>(
      `/api/v1/patients/${appointment.patientId}/appointments/${appointment.id}/cancel`,
      { version: appointment.version, reason },
    );
  }
}

/**
 * Opens an hour of extra hours for a provider at a location from `startsAt`, as front desk
 * would on the Hours page (`api` signed in as staff), and adds its removal to the tidy-ups.
 */
export async function openExtraHour(
  api: PageApi,
  providerId: string,
  locationId: string,
  startsAt: number,
  note: string,
  tidyUps: Cleanup[],
): Promise<void> {
  const { exception } = await api.post<{ exception: { id: string } }>(
    `/api/v1/providers/${providerId}/exceptions`,
    {
      kind: 'extra-hours',
      locationId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 60 * MINUTE_MS).toISOString(),
      note: `${MARK}: ${note}`,
    },
  );
  tidyUps.push(() => api.delete(`/api/v1/providers/${providerId}/exceptions/${exception.id}`));
}

// --- calendar arithmetic in a location's zone -----------------------------------------------

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** What the wall clock reads in a zone at an instant. */
export function wallClock(
  instant: number | string,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function zonedDate(instant: number | string, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How far a zone's clock is ahead of UTC at an instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - (instant - (instant % 1000));
}

/** The instant a local calendar day begins in a zone (no clinic zone skips midnight). */
export function startOfZonedDay(date: string, timeZone: string): number {
  const midnightAsUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  return midnightAsUtc - zoneOffsetMs(guess, timeZone);
}

// --- dates and times in words ---------------------------------------------------------------

/** Spaces of any kind (Intl writes a narrow no-break space before AM/PM) as one plain space. */
export function plainSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The date and time as the patient app writes them ("Thursday, December 3, 2026 at 9:30 AM
 * CST"), computed by the page's own browser so the words match to the letter.
 */
export async function writtenInApp(page: Page, iso: string, timeZone: string): Promise<string> {
  const text = await page.evaluate(
    ([instant, zone]) =>
      new Intl.DateTimeFormat('en-US', {
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      }).format(new Date(instant)),
    [iso, timeZone] as const,
  );
  return plainSpaces(text);
}

/** The words an email uses for a time: "Tuesday, 1 December 2026, 9:30 AM CST". */
export function writtenInEmail(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return (
    `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year}, ` +
    `${parts.hour}:${parts.minute} ${parts.dayPeriod} ${parts.timeZoneName}`
  );
}

// --- emails and calendar files --------------------------------------------------------------

/**
 * Waits for an email to `to` whose subject matches, that was not in the outbox at `before`
 * (an outboxSnapshot). Picking by subject keeps a reminder that happens to fall due meanwhile
 * from being taken for the email the step sends.
 */
export async function waitForEmailTitled(
  to: string,
  subject: RegExp,
  before: Set<string>,
  timeoutMs = EMAIL_TIMEOUT_MS,
): Promise<OutboxEmail> {
  const deadline = Date.now() + timeoutMs;
  const address = to.toLowerCase();
  for (;;) {
    const fresh = (await listEmails()).filter(
      (email) =>
        !before.has(email.file) &&
        email.to.toLowerCase().includes(address) &&
        subject.test(email.subject),
    );
    const newest = fresh.at(-1);
    if (newest) return newest;
    if (Date.now() >= deadline) {
      const seen = (await listEmails())
        .filter((email) => !before.has(email.file) && email.to.toLowerCase().includes(address))
        .map((email) => email.subject);
      throw new Error(
        `No new email to ${to} with a subject like ${subject} within ${timeoutMs / 1000} s ` +
          `(new emails to that address: ${JSON.stringify(seen)}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Everything an email shows, plain text and HTML, with spaces made plain. */
export function emailContent(email: OutboxEmail): string {
  return plainSpaces([email.subject, email.text, email.html ?? ''].join('\n'));
}

/** The content lines of an iCalendar file, unfolded (RFC 5545: CRLF + space continues a line). */
export function calendarLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
}

/** 20261201T153000Z: a UTC date-time as DTSTART carries it. */
export function calendarUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

// --- screens --------------------------------------------------------------------------------

/**
 * Every appointment screen: axe and page errors (ScreenChecker), and on a phone nothing wider
 * than the 360 px screen, so nobody has to scroll sideways.
 */
export async function checkScreen(
  page: Page,
  screens: ScreenChecker,
  viewport: Viewport,
  screen: string,
): Promise<void> {
  // A button that has just changed look (Day/Week) takes its new text colour at once and its
  // background a frame later, even with motion reduced: let two frames pass before axe looks.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  await screens.check(page, screen);
  if (viewport === 'phone') {
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect({ screen, scrollWidth }).toEqual({ screen, scrollWidth: innerWidth });
  }
}

/** Rounds an instant down to a whole 5 minutes (extra hours are whole minutes). */
export function floorToFiveMinutes(instant: number): number {
  return instant - (instant % (5 * MINUTE_MS));
}

export { MINUTE_MS };
