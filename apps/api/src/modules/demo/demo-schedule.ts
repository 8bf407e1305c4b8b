import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { newId } from '../../infra/database/ids.js';
import type { PostalAddress } from '../patients/patient.entity.js';

/** The demo clinic: two locations in two time zones, five visit types, four providers. */
export const DEMO_MAIN_STREET = 'Riverside Family Clinic – Main Street';
export const DEMO_LAKESIDE = 'Riverside Family Clinic – Lakeside';

type LocationKey = 'main' | 'lakeside';
type VisitKey = 'physical' | 'followUp' | 'newPatient' | 'flu' | 'procedure';

const LOCATIONS: Record<
  LocationKey,
  { name: string; address: PostalAddress; phone: string; timeZone: string; arrival: string }
> = {
  main: {
    name: DEMO_MAIN_STREET,
    address: {
      line1: '240 Main Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    phone: '+1 555 010 2000',
    timeZone: 'America/Chicago',
    arrival:
      'Free parking behind the building. Check in at the front desk on the ground floor; ' +
      'please arrive 10 minutes early.',
  },
  lakeside: {
    name: DEMO_LAKESIDE,
    address: {
      line1: '18 Harbor Drive',
      line2: 'Suite 200',
      city: 'Rochester',
      region: 'NY',
      postalCode: '14604',
      country: 'US',
    },
    phone: '+1 555 010 3000',
    timeZone: 'America/New_York',
    arrival: 'Take the elevator to the second floor. The entrance has a ramp on Harbor Drive.',
  },
};

const VISIT_TYPES: Record<
  VisitKey,
  {
    name: string;
    description: string;
    minutes: number;
    online: boolean;
    patients: 'new' | 'established' | 'any';
  }
> = {
  physical: {
    name: 'Annual physical',
    description: 'A yearly check-up of your overall health.',
    minutes: 30,
    online: true,
    patients: 'any',
  },
  followUp: {
    name: 'Follow-up visit',
    description: 'A visit about something your provider is already treating.',
    minutes: 20,
    online: true,
    patients: 'established',
  },
  newPatient: {
    name: 'New patient visit',
    description: 'Your first visit with us: we get to know you and your health history.',
    minutes: 40,
    online: true,
    patients: 'new',
  },
  flu: {
    name: 'Flu shot',
    description: 'A seasonal flu vaccine.',
    minutes: 10,
    online: true,
    patients: 'any',
  },
  procedure: {
    name: 'Procedure',
    description: 'A minor procedure, booked by the clinic.',
    minutes: 60,
    online: false,
    patients: 'any',
  },
};

const WEEKDAYS = [1, 2, 3, 4, 5];

interface DemoProvider {
  displayName: string;
  specialty: string;
  bio: string;
  /** The demo staff account that signs in as this provider. */
  username?: string;
  visitTypes: VisitKey[];
  /** Where the provider works on each weekday (1 = Monday). */
  days: Partial<Record<number, LocationKey>>;
}

const everyWeekday = (location: LocationKey) =>
  Object.fromEntries(WEEKDAYS.map((day) => [day, location]));

const PROVIDERS: Record<'shah' | 'bell' | 'fischer' | 'ortiz', DemoProvider> = {
  shah: {
    displayName: 'Dr. Priya Shah',
    specialty: 'Family medicine',
    bio: 'Cares for adults and children, with a special interest in preventive care.',
    username: 'provider.demo',
    visitTypes: ['physical', 'followUp', 'newPatient', 'flu', 'procedure'],
    days: everyWeekday('main'),
  },
  bell: {
    displayName: 'Dr. Marcus Bell',
    specialty: 'Internal medicine',
    bio: 'Helps adults manage long-term conditions such as diabetes and high blood pressure.',
    visitTypes: ['physical', 'followUp', 'newPatient', 'procedure'],
    days: everyWeekday('lakeside'),
  },
  fischer: {
    displayName: 'Dr. Elena Fischer',
    specialty: 'Family medicine',
    bio: 'Sees patients at Main Street on Monday, Wednesday and Friday, and at Lakeside on Tuesday and Thursday.',
    visitTypes: ['physical', 'followUp', 'newPatient', 'flu'],
    days: { 1: 'main', 2: 'lakeside', 3: 'main', 4: 'lakeside', 5: 'main' },
  },
  ortiz: {
    displayName: 'Jamie Ortiz, NP',
    specialty: 'Nurse practitioner',
    bio: 'Sees patients for follow-ups and vaccines.',
    visitTypes: ['followUp', 'flu'],
    days: everyWeekday('main'),
  },
};

/** Visits of each demo patient: days from today (negative: past), local time, with whom. */
const VISITS: {
  username: string;
  provider: keyof typeof PROVIDERS;
  location: LocationKey;
  visitType: VisitKey;
  daysFromToday: number;
  time: string;
  reason: string;
}[] = [
  {
    username: 'alex.demo',
    provider: 'shah',
    location: 'main',
    visitType: 'physical',
    daysFromToday: 14,
    time: '10:00',
    reason: 'Yearly check-up',
  },
  {
    username: 'alex.demo',
    provider: 'shah',
    location: 'main',
    visitType: 'followUp',
    daysFromToday: -45,
    time: '14:00',
    reason: 'Blood pressure check',
  },
  {
    username: 'alex.demo',
    provider: 'shah',
    location: 'main',
    visitType: 'physical',
    daysFromToday: -370,
    time: '09:30',
    reason: 'Yearly check-up',
  },
  {
    username: 'jordan.demo',
    provider: 'fischer',
    location: 'main',
    visitType: 'followUp',
    daysFromToday: 15,
    time: '11:00',
    reason: 'Knee pain follow-up',
  },
  {
    username: 'jordan.demo',
    provider: 'fischer',
    location: 'main',
    visitType: 'flu',
    daysFromToday: -60,
    time: '09:00',
    reason: 'Flu vaccine',
  },
  {
    username: 'jordan.demo',
    provider: 'fischer',
    location: 'main',
    visitType: 'physical',
    daysFromToday: -200,
    time: '13:30',
    reason: 'Yearly check-up',
  },
  {
    username: 'sam.demo',
    provider: 'bell',
    location: 'lakeside',
    visitType: 'followUp',
    daysFromToday: 16,
    time: '09:30',
    reason: 'Diabetes review',
  },
  {
    username: 'sam.demo',
    provider: 'bell',
    location: 'lakeside',
    visitType: 'followUp',
    daysFromToday: -30,
    time: '15:00',
    reason: 'Lab results',
  },
  {
    username: 'sam.demo',
    provider: 'bell',
    location: 'lakeside',
    visitType: 'newPatient',
    daysFromToday: -120,
    time: '10:00',
    reason: 'First visit',
  },
];

// Weekly hours started long enough ago to cover the oldest past visit.
const HOURS_SINCE_DAYS = 400;

/**
 * The nearest local date at or beyond `days` from today (searching away from today) on which
 * the provider works at the location.
 */
function workday(
  today: DateTime,
  days: number,
  provider: DemoProvider,
  location: LocationKey,
): DateTime {
  const step = days < 0 ? -1 : 1;
  let day = today.plus({ days });
  while (provider.days[day.weekday] !== location) day = day.plus({ days: step });
  return day;
}

/** True once the demo clinic is in the database. */
export async function demoScheduleExists(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM location WHERE lower(name) = lower($1)`,
    [DEMO_MAIN_STREET],
  );
  return rows.length > 0;
}

export interface DemoPeople {
  /** Account ids by username (staff), and patient ids by username (patients). */
  staffAccountIds: Map<string, string>;
  patientIds: Map<string, string>;
}

/**
 * Writes the demo clinic, its weekly hours (Monday to Friday, 9:00–12:00 and 13:00–17:00)
 * and each demo patient's visits: one upcoming, booked by the front desk about two weeks
 * ahead, and two completed ones. Dates are relative to `now`, so the demo stays current.
 * False (and nothing written) when the demo clinic already exists.
 */
export async function seedDemoSchedule(
  manager: EntityManager,
  people: DemoPeople,
  now: Date,
): Promise<boolean> {
  if (await demoScheduleExists(manager)) return false;

  const locationIds = {} as Record<LocationKey, string>;
  for (const [key, location] of Object.entries(LOCATIONS) as [
    LocationKey,
    typeof LOCATIONS.main,
  ][]) {
    locationIds[key] = newId();
    await manager.query(
      `INSERT INTO location (id, name, address, phone, time_zone, arrival_instructions, active,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, $7, $7)`,
      [
        locationIds[key],
        location.name,
        JSON.stringify(location.address),
        location.phone,
        location.timeZone,
        location.arrival,
        now,
      ],
    );
  }

  const visitTypes = {} as Record<VisitKey, { id: string; minutes: number }>;
  for (const [key, type] of Object.entries(VISIT_TYPES) as [VisitKey, typeof VISIT_TYPES.flu][]) {
    visitTypes[key] = { id: newId(), minutes: type.minutes };
    await manager.query(
      `INSERT INTO visit_type (id, name, description, duration_minutes, bookable_online,
                               patient_status, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, $7, $7)`,
      [
        visitTypes[key].id,
        type.name,
        type.description,
        type.minutes,
        type.online,
        type.patients,
        now,
      ],
    );
  }

  // The demo nurse works at Main Street: Alex and Jordan are in their care; Sam, seen at
  // Lakeside, only through emergency access.
  const nurseId = people.staffAccountIds.get('nurse.demo');
  if (nurseId) {
    await manager.query(
      `INSERT INTO staff_location (account_id, location_id, assigned_by, assigned_at)
       VALUES ($1, $2, NULL, $3) ON CONFLICT DO NOTHING`,
      [nurseId, locationIds.main, now],
    );
  }

  const providerIds = {} as Record<keyof typeof PROVIDERS, string>;
  for (const [key, provider] of Object.entries(PROVIDERS) as [
    keyof typeof PROVIDERS,
    DemoProvider,
  ][]) {
    const id = newId();
    providerIds[key] = id;
    await manager.query(
      `INSERT INTO provider (id, account_id, display_name, specialty, bio, active, created_at,
                             updated_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $6)`,
      [
        id,
        provider.username ? (people.staffAccountIds.get(provider.username) ?? null) : null,
        provider.displayName,
        provider.specialty,
        provider.bio,
        now,
      ],
    );
    for (const visitType of provider.visitTypes) {
      await manager.query(
        `INSERT INTO provider_visit_type (provider_id, visit_type_id) VALUES ($1, $2)`,
        [id, visitTypes[visitType].id],
      );
    }
    for (const [weekday, location] of Object.entries(provider.days)) {
      if (!location) continue;
      const since = DateTime.fromJSDate(now, { zone: LOCATIONS[location].timeZone })
        .minus({ days: HOURS_SINCE_DAYS })
        .toISODate();
      for (const [start, end] of [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ]) {
        await manager.query(
          `INSERT INTO availability_rule (id, provider_id, location_id, weekday, start_time,
                                          end_time, valid_from, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [newId(), id, locationIds[location], Number(weekday), start, end, since, now],
        );
      }
    }
  }

  const bookedBy = people.staffAccountIds.get('frontdesk.demo') ?? null;
  for (const visit of VISITS) {
    const patientId = people.patientIds.get(visit.username);
    if (!patientId) continue;
    const zone = LOCATIONS[visit.location].timeZone;
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const day = workday(today, visit.daysFromToday, PROVIDERS[visit.provider], visit.location);
    const [hour, minute] = visit.time.split(':').map(Number);
    const startsAt = day.set({ hour, minute }).toJSDate();
    const endsAt = new Date(startsAt.getTime() + visitTypes[visit.visitType].minutes * 60_000);
    const status = visit.daysFromToday < 0 ? 'completed' : 'booked';
    // Booked a few weeks before the visit (or today, for one still ahead).
    const createdAt = status === 'booked' ? now : new Date(startsAt.getTime() - 21 * 86_400_000);
    await manager.query(
      `INSERT INTO appointment (id, patient_id, provider_id, location_id, visit_type_id, starts_at,
                                ends_at, status, reason, booked_by, booked_by_account_id, version,
                                schedule_version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'staff', $10, 1, 1, $11, $11)`,
      [
        newId(),
        patientId,
        providerIds[visit.provider],
        locationIds[visit.location],
        visitTypes[visit.visitType].id,
        startsAt,
        endsAt,
        status,
        visit.reason,
        bookedBy,
        createdAt,
      ],
    );
  }
  return true;
}
