import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { newId } from '../../src/infra/database/ids.js';
import type { BrowserClient } from './browser-client.js';
import { uniqueWord } from './invitation-flow.js';

/** A response body, read loosely in tests. */
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function created(response: { status: number; body: Body | null }, what: string): Body {
  if (response.status !== 201) {
    throw new Error(`${what} not created: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body!;
}

/** A clinic location with a unique name, created by an admin browser. */
export async function createLocation(
  admin: BrowserClient,
  overrides: Record<string, unknown> = {},
): Promise<Body> {
  const response = await admin.post('/api/v1/locations', {
    name: `Clinic ${uniqueWord('L')}`,
    address: {
      line1: '100 Main Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    phone: '+1 555 010 2000',
    timeZone: 'America/Chicago',
    ...overrides,
  });
  return created(response, 'location');
}

export async function createVisitType(
  admin: BrowserClient,
  overrides: Record<string, unknown> = {},
): Promise<Body> {
  const response = await admin.post('/api/v1/visit-types', {
    name: `Visit ${uniqueWord('V')}`,
    durationMinutes: 30,
    bookableOnline: true,
    patientStatus: 'any',
    ...overrides,
  });
  return created(response, 'visit type');
}

export async function createProvider(
  admin: BrowserClient,
  visitTypeIds: string[],
  overrides: Record<string, unknown> = {},
): Promise<Body> {
  const response = await admin.post('/api/v1/providers', {
    displayName: `Dr. ${uniqueWord('P')}`,
    specialty: 'Family medicine',
    visitTypeIds,
    ...overrides,
  });
  return created(response, 'provider');
}

/** Replaces the provider's weekly hours; fails the test unless they are saved. */
export async function setWeeklyHours(
  staff: BrowserClient,
  providerId: string,
  rules: Record<string, unknown>[],
): Promise<Body> {
  const response = await staff.request('PUT', `/api/v1/providers/${providerId}/availability`, {
    rules,
  });
  if (response.status !== 200) {
    throw new Error(`hours not saved: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body!;
}

/** Every weekday (1–7) with the same hours at one location, valid from a date. */
export function everyDay(
  locationId: string,
  startTime: string,
  endTime: string,
  validFrom: string,
) {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    locationId,
    weekday,
    startTime,
    endTime,
    validFrom,
  }));
}

/**
 * An appointment row written straight to the table (the appointments module owns the
 * booking rules; these tests only need one to exist).
 */
export async function insertAppointment(
  db: DataSource,
  row: {
    patientId: string;
    providerId: string;
    locationId: string;
    visitTypeId: string;
    startsAt: Date;
    endsAt: Date;
    status?: string;
  },
): Promise<string> {
  const id = newId();
  const cancelled = row.status === 'cancelled';
  await db.query(
    `INSERT INTO appointment (id, patient_id, provider_id, location_id, visit_type_id, starts_at,
                              ends_at, status, booked_by, cancelled_at, cancelled_by, version,
                              schedule_version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'staff', $9, $10, 1, 1, now(), now())`,
    [
      id,
      row.patientId,
      row.providerId,
      row.locationId,
      row.visitTypeId,
      row.startsAt,
      row.endsAt,
      row.status ?? 'booked',
      cancelled ? new Date() : null,
      cancelled ? 'staff' : null,
    ],
  );
  return id;
}

/** The instant of a local wall time in a zone. */
export function localInstant(date: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/** A local date `days` from today in the zone that falls on the ISO weekday (1 = Monday). */
export function upcomingWeekday(zone: string, weekday: number, atLeastDays = 7): string {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: atLeastDays });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/**
 * The first local date, at least `afterDays` days ahead, on which the zone's offset at noon
 * differs from the day before: the day of a daylight-saving change.
 */
export function nextOffsetChange(zone: string, afterDays = 3): string {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: afterDays });
  for (let i = 0; i < 400; i++) {
    const next = day.plus({ days: 1 });
    if (next.set({ hour: 12 }).offset !== day.set({ hour: 12 }).offset) return next.toISODate()!;
    day = next;
  }
  throw new Error(`${zone} has no offset change within a year`);
}
