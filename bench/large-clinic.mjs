/**
 * A large clinic for the data-at-scale scenarios: 200 providers with a year of weekly hours
 * (six months back, six months ahead) and 500,000 appointments, inserted with set-based SQL
 * in one transaction. Seeded once per database: later runs find the marker location and
 * reuse the data, only giving the current bench patient their own appointments.
 */
import pg from 'pg';

export const LARGE_CLINIC = {
  locationName: 'Bench Large Clinic',
  providers: 200,
  appointments: 500_000,
  patients: 50_000,
  timeZone: 'America/Chicago',
  visitMinutes: 20,
};

/**
 * Returns { visitTypeId, providerId, locationId } for the scenarios. `patientId` (the bench
 * patient) is given 40 appointments spread over the year: 20 past, 20 ahead.
 */
export async function seedLargeClinic(databaseUrl, patientId, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let clinic = await findClinic(client);
    if (!clinic) {
      const started = Date.now();
      log(
        `seeding the large clinic: ${LARGE_CLINIC.providers} providers, ` +
          `${LARGE_CLINIC.appointments.toLocaleString('en')} appointments (once per database)…`,
      );
      await client.query('BEGIN');
      await insertClinic(client);
      await client.query('COMMIT');
      await client.query('ANALYZE appointment');
      await client.query('ANALYZE availability_rule');
      clinic = await findClinic(client);
      log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    // Reminders for the clinic's patients write real email rows.
    await client.query(
      `UPDATE patient SET email = lower(mrn) || '@bench.example'
        WHERE mrn LIKE 'BL%' AND email IS NULL`,
    );
    await giveBenchPatientAppointments(client, clinic, patientId);
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM appointment WHERE location_id = $1`,
      [clinic.locationId],
    );
    log(`large clinic: ${rows[0].n.toLocaleString('en')} appointments`);
    return clinic;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function findClinic(client) {
  const { rows } = await client.query(
    `SELECT l.id AS location_id, vt.id AS visit_type_id,
            (SELECT p.id FROM provider p JOIN availability_rule r ON r.provider_id = p.id
              WHERE r.location_id = l.id ORDER BY p.display_name LIMIT 1) AS provider_id
       FROM location l, visit_type vt
      WHERE l.name = $1 AND vt.name = $1`,
    [LARGE_CLINIC.locationName],
  );
  if (!rows[0]) return null;
  return {
    locationId: rows[0].location_id,
    visitTypeId: rows[0].visit_type_id,
    providerId: rows[0].provider_id,
  };
}

async function insertClinic(client) {
  const { locationName, providers, patients, timeZone, visitMinutes, appointments } = LARGE_CLINIC;
  // uuid v7-like ids are not needed here: gen_random_uuid() keeps the seed in SQL.
  await client.query(
    `INSERT INTO location (id, name, address, phone, time_zone, arrival_instructions, active, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, '+15550100000', $3, NULL, true, now(), now())`,
    [
      locationName,
      JSON.stringify({
        line1: '1 Benchmark Way',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62701',
        country: 'US',
      }),
      timeZone,
    ],
  );
  await client.query(
    `INSERT INTO visit_type (id, name, description, duration_minutes, bookable_online, patient_status, active, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, NULL, $2, true, 'any', true, now(), now())`,
    [locationName, visitMinutes],
  );
  await client.query(
    `INSERT INTO provider (id, account_id, display_name, specialty, bio, active, created_at, updated_at)
     SELECT gen_random_uuid(), NULL, 'Bench Provider ' || lpad(n::text, 3, '0'), 'Family medicine', NULL, true, now(), now()
       FROM generate_series(1, $1) AS n`,
    [providers],
  );
  await client.query(
    `INSERT INTO provider_visit_type (provider_id, visit_type_id)
     SELECT p.id, vt.id FROM provider p, visit_type vt
      WHERE p.display_name LIKE 'Bench Provider %' AND vt.name = $1`,
    [locationName],
  );
  // Monday to Friday, 08:00–12:00 and 13:00–17:00 local time, for a year.
  await client.query(
    `INSERT INTO availability_rule (id, provider_id, location_id, weekday, start_time, end_time, valid_from, valid_until, created_at)
     SELECT gen_random_uuid(), p.id, l.id, d, t.start_time, t.end_time,
            current_date - 182, current_date + 182, now()
       FROM provider p, location l, generate_series(1, 5) AS d,
            (VALUES (time '08:00', time '12:00'), (time '13:00', time '17:00')) AS t(start_time, end_time)
      WHERE p.display_name LIKE 'Bench Provider %' AND l.name = $1`,
    [locationName],
  );
  await client.query(
    `INSERT INTO patient (id, mrn, given_name, family_name, date_of_birth, sex, email, created_at, updated_at)
     SELECT gen_random_uuid(), 'BL' || lpad(n::text, 8, '0'), 'Bench', 'Patient ' || n,
            date '1950-01-01' + (n % 20000), 'unknown', NULL, now(), now()
       FROM generate_series(1, $1) AS n`,
    [patients],
  );
  // Every 20-minute slot of every working day of every provider, about 1.2 million, of which
  // a pseudo-random 500,000 are booked (a provider's slots never overlap, so the exclusion
  // constraint holds). Past ones are completed, future ones booked.
  await client.query(
    `WITH slot AS (
       SELECT p.id AS provider_id, l.id AS location_id, vt.id AS visit_type_id,
              ((day + t.start_time + make_interval(mins => s * $3)) AT TIME ZONE l.time_zone) AS starts_at
         FROM provider p
         JOIN location l ON l.name = $1
         JOIN visit_type vt ON vt.name = $1
         CROSS JOIN generate_series(current_date - 182, current_date + 182, interval '1 day') AS day
         CROSS JOIN (VALUES (time '08:00'), (time '13:00')) AS t(start_time)
         CROSS JOIN generate_series(0, 240 / $3 - 1) AS s
        WHERE p.display_name LIKE 'Bench Provider %' AND extract(isodow FROM day) <= 5
     ), chosen AS (
       SELECT *, row_number() OVER () AS n FROM slot ORDER BY md5(provider_id::text || starts_at::text) LIMIT $2
     ), patient_ids AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM patient WHERE mrn LIKE 'BL%'
     )
     INSERT INTO appointment (id, patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at,
                              status, reason, booked_by, version, schedule_version, created_at, updated_at)
     SELECT gen_random_uuid(), pi.id, c.provider_id, c.location_id, c.visit_type_id, c.starts_at,
            c.starts_at + make_interval(mins => $3),
            CASE WHEN c.starts_at < now() THEN 'completed' ELSE 'booked' END,
            NULL, 'staff', 1, 1, now(), now()
       FROM chosen c JOIN patient_ids pi ON pi.n = 1 + (c.n % $4)`,
    [locationName, appointments, visitMinutes, patients],
  );
}

/** 40 appointments for this run's bench patient, in slots nobody holds. */
async function giveBenchPatientAppointments(client, clinic, patientId) {
  await client.query(
    `WITH day AS (
       -- Lunchtime (12:00–12:20 local) every eighth day: the seed never books that hour.
       SELECT ((d + time '12:00') AT TIME ZONE $4) AS starts_at
         FROM generate_series(current_date - 170, current_date + 170, interval '8 days') AS d
     ), free AS (
       SELECT DISTINCT ON (day.starts_at) p.id AS provider_id, day.starts_at
         FROM day CROSS JOIN provider p
        WHERE p.display_name LIKE 'Bench Provider %'
          AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.provider_id = p.id
                            AND a.status <> 'cancelled'
                            AND tstzrange(a.starts_at, a.ends_at) && tstzrange(day.starts_at, day.starts_at + interval '20 minutes'))
        ORDER BY day.starts_at, md5(p.id::text || day.starts_at::text)
        LIMIT 40
     )
     INSERT INTO appointment (id, patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at,
                              status, reason, booked_by, version, schedule_version, created_at, updated_at)
     SELECT gen_random_uuid(), $1, f.provider_id, $2, $3, f.starts_at, f.starts_at + interval '20 minutes',
            CASE WHEN f.starts_at < now() THEN 'completed' ELSE 'booked' END,
            NULL, 'staff', 1, 1, now(), now()
       FROM free f`,
    [patientId, clinic.locationId, clinic.visitTypeId, LARGE_CLINIC.timeZone],
  );
}
