import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { newId } from '../../src/infra/database/ids.js';

export interface TestClinic {
  location: {
    id: string;
    name: string;
    phone: string;
    timeZone: string;
    address: { line1: string; city: string; region: string; postalCode: string; country: string };
  };
  provider: { id: string; displayName: string; specialty: string };
  visitType: { id: string; name: string; durationMinutes: number };
}

export interface ClinicOptions {
  timeZone?: string;
  durationMinutes?: number;
  bookableOnline?: boolean;
  patientStatus?: 'new' | 'established' | 'any';
  /** Weekly hours every day of the week, local time; null for none. */
  weeklyHours?: [start: string, end: string] | null;
  /** Extra hours over an absolute range, on top of the weekly hours. */
  extraHours?: { from: Date; to: Date };
}

/**
 * A location, a provider and a visit type of this test's own, written straight to the tables
 * (names are unique, so tests never share a provider's calendar).
 */
export async function createClinic(
  db: DataSource,
  options: ClinicOptions = {},
): Promise<TestClinic> {
  const tag = newId().slice(-12);
  const now = new Date();
  const location = {
    id: newId(),
    name: `Clinic ${tag}`,
    phone: '+1 555 010 2000',
    timeZone: options.timeZone ?? 'America/Chicago',
    address: {
      line1: '500 Lake Shore Drive',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
  };
  await db.query(
    `INSERT INTO location (id, name, address, phone, time_zone, arrival_instructions, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'Check in at the front desk on the first floor.', true, $6, $6)`,
    [
      location.id,
      location.name,
      JSON.stringify(location.address),
      location.phone,
      location.timeZone,
      now,
    ],
  );
  const provider = await addProvider(db, tag);
  const visitType = await addVisitType(db, provider.id, {
    durationMinutes: options.durationMinutes ?? 30,
    bookableOnline: options.bookableOnline ?? true,
    patientStatus: options.patientStatus ?? 'any',
  });
  const hours: [string, string] | null =
    options.weeklyHours === undefined ? ['08:00', '18:00'] : options.weeklyHours;
  if (hours) await addWeeklyHours(db, provider.id, location.id, hours);
  if (options.extraHours) await addExtraHours(db, provider.id, location.id, options.extraHours);
  return { location, provider, visitType };
}

export async function addProvider(db: DataSource, tag = newId().slice(-12)) {
  const provider = { id: newId(), displayName: `Dr. Test ${tag}`, specialty: 'Secret specialty' };
  await db.query(
    `INSERT INTO provider (id, account_id, display_name, specialty, bio, active, created_at, updated_at)
     VALUES ($1, NULL, $2, $3, NULL, true, now(), now())`,
    [provider.id, provider.displayName, provider.specialty],
  );
  return provider;
}

export async function addVisitType(
  db: DataSource,
  providerId: string | null,
  options: {
    durationMinutes?: number;
    bookableOnline?: boolean;
    patientStatus?: 'new' | 'established' | 'any';
  } = {},
) {
  const visitType = {
    id: newId(),
    name: `Visit ${newId()}`,
    durationMinutes: options.durationMinutes ?? 30,
  };
  await db.query(
    `INSERT INTO visit_type (id, name, description, duration_minutes, bookable_online, patient_status, active, created_at, updated_at)
     VALUES ($1, $2, NULL, $3, $4, $5, true, now(), now())`,
    [
      visitType.id,
      visitType.name,
      visitType.durationMinutes,
      options.bookableOnline ?? true,
      options.patientStatus ?? 'any',
    ],
  );
  if (providerId) await offer(db, providerId, visitType.id);
  return visitType;
}

export async function offer(db: DataSource, providerId: string, visitTypeId: string) {
  await db.query(`INSERT INTO provider_visit_type (provider_id, visit_type_id) VALUES ($1, $2)`, [
    providerId,
    visitTypeId,
  ]);
}

/** The same hours every day of the week, from two days ago on. */
export async function addWeeklyHours(
  db: DataSource,
  providerId: string,
  locationId: string,
  [start, end]: [string, string],
) {
  await db.query(
    `INSERT INTO availability_rule (id, provider_id, location_id, weekday, start_time, end_time, valid_from, valid_until, created_at)
     SELECT gen_random_uuid(), $1, $2, d, $3::time, $4::time, current_date - 2, NULL, now()
       FROM generate_series(1, 7) AS d`,
    [providerId, locationId, start, end],
  );
}

export async function addExtraHours(
  db: DataSource,
  providerId: string,
  locationId: string,
  range: { from: Date; to: Date },
) {
  await db.query(
    `INSERT INTO availability_exception (id, provider_id, location_id, kind, starts_at, ends_at, note, created_by, created_at)
     VALUES ($1, $2, $3, 'extra-hours', $4, $5, NULL, NULL, now())`,
    [newId(), providerId, locationId, range.from, range.to],
  );
}

/** A wall-clock time some days after `now`, in the zone, as an instant. */
export function localTime(now: Date, timeZone: string, daysAhead: number, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromJSDate(now, { zone: timeZone })
    .plus({ days: daysAhead })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toJSDate();
}
