/**
 * Prescription refills at scale, inserted with set-based SQL: a refill queue of 10,000 open
 * requests (200 patients × 50 medications, each with an earlier decided request and its
 * history), a nurse with a session, and the bench patient with 500 requests of 500
 * medications, each with a three-step timeline.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import pg from 'pg';

export const LARGE_REFILLS = { open: 10_000, patientRequests: 500 };

export async function seedLargeRefills(databaseUrl, benchPatientId, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const token = randomBytes(32).toString('base64url');
  try {
    await client.query('BEGIN');
    const suffix = randomBytes(4).toString('hex');
    const [pharmacy] = (
      await client.query(
        `INSERT INTO pharmacy (id, ncpdp_id, name, address_line, city, region, postal_code, phone, active, created_at)
         VALUES (gen_random_uuid(), $1, $2, '1 Bench Street', 'Springfield', 'IL', '62701', '+1 555 010 3999', true, now())
         ON CONFLICT (ncpdp_id) DO NOTHING RETURNING id`,
        [String(randomInt(2_000_000, 9_999_999)), `Bench Pharmacy ${suffix}`],
      )
    ).rows;
    const [nurse] = (
      await client.query(
        `INSERT INTO account (id, kind, username, display_name, email, roles, password_hash)
         VALUES (gen_random_uuid(), 'staff', $1, 'Bench Refill Nurse', 'nurse@example.test', '{nurse}', 'x')
         RETURNING id`,
        [`bench-refill-nurse-${suffix}`],
      )
    ).rows;
    await client.query(
      `INSERT INTO session (id_hash, account_id, stage, created_at, last_seen_at, absolute_expires_at)
       VALUES ($1, $2, 'active', now(), now(), now() + interval '12 hours')`,
      [createHash('sha256').update(token).digest(), nurse.id],
    );
    const patients = (
      await client.query(
        `INSERT INTO patient (id, mrn, given_name, family_name, date_of_birth, sex, created_at, updated_at)
         SELECT gen_random_uuid(), 'BR' || $1 || n, 'Refill', 'Patient ' || n, '1970-01-01', 'unknown', now(), now()
           FROM generate_series(1, 200) AS n RETURNING id`,
        [suffix],
      )
    ).rows.map((row) => row.id);
    const [patientAccount] = (
      await client.query(`SELECT id FROM account WHERE patient_id = $1`, [benchPatientId])
    ).rows;
    // One medication per request; each open request has a decided one before it.
    const medications = `INSERT INTO medication (id, patient_id, rxnorm_code, display, code_system_version,
         dose, frequency, prescriber, start_date, status, refills_remaining, last_filled_on,
         version, recorded_at, updated_at)
       SELECT gen_random_uuid(), p, '314076', 'lisinopril 10 MG Oral Tablet', 'bench', '10 mg',
              'Once a day', 'Dr. Bench ' || (n % 20), '2024-01-01', 'active', 3, '2024-05-01', 1, now(), now()`;
    await client.query(
      `WITH meds AS (${medications}
           FROM generate_series(1, $2) AS n, LATERAL (SELECT ($1::uuid[])[1 + n % 200]) AS x(p)
         RETURNING id, patient_id, prescriber),
       numbered AS (SELECT meds.*, row_number() OVER () AS n FROM meds),
       earlier AS (
         INSERT INTO refill_request (id, patient_id, medication_id, kind, pharmacy_id, prescriber,
           status, version, requested_by, requested_at, updated_at, decided_by, decided_at,
           approved_quantity, approved_refills, send_status, sent_at)
         SELECT gen_random_uuid(), patient_id, id, 'refill', $3, prescriber, 'approved', 3, $4,
                now() - interval '40 days', now() - interval '39 days', $5, now() - interval '39 days',
                30, 2, 'sent', now() - interval '39 days'
           FROM numbered RETURNING id),
       open AS (
         INSERT INTO refill_request (id, patient_id, medication_id, kind, pharmacy_id, prescriber,
           status, version, requested_by, requested_at, updated_at)
         SELECT gen_random_uuid(), patient_id, id, 'refill', $3, prescriber, 'requested', 1, $4,
                now() - make_interval(mins => n::int), now() - make_interval(mins => n::int)
           FROM numbered RETURNING id, requested_at)
       INSERT INTO refill_history (id, request_id, at, by_account_id, event, from_status, to_status)
       SELECT gen_random_uuid(), id, requested_at, $4, 'status', NULL, 'requested' FROM open`,
      [patients, LARGE_REFILLS.open, pharmacy.id, patientAccount.id, nurse.id],
    );
    // The bench patient: 500 requests, each requested, reviewed and denied.
    await client.query(
      `WITH meds AS (${medications}
           FROM generate_series(1, $2) AS n, LATERAL (SELECT $1::uuid) AS x(p)
         RETURNING id, patient_id, prescriber),
       numbered AS (SELECT meds.*, row_number() OVER () AS n FROM meds),
       made AS (
         INSERT INTO refill_request (id, patient_id, medication_id, kind, pharmacy_id, prescriber,
           status, version, requested_by, requested_at, updated_at, decided_by, decided_at,
           decision_reason_code, decision_reason)
         SELECT gen_random_uuid(), patient_id, id, 'refill', $3, prescriber, 'denied', 3, $4,
                now() - make_interval(hours => n::int), now() - make_interval(hours => n::int),
                $5, now() - make_interval(hours => n::int), 'too-early',
                'It is too early to refill this prescription'
           FROM numbered RETURNING id, requested_at)
       INSERT INTO refill_history (id, request_id, at, by_account_id, event, from_status, to_status, reason)
       SELECT gen_random_uuid(), made.id, made.requested_at + make_interval(mins => s.step),
              CASE WHEN s.step = 0 THEN $4::uuid ELSE $5::uuid END, 'status', s.from_status,
              s.to_status, s.reason
         FROM made, (VALUES (0, NULL, 'requested', NULL),
                            (10, 'requested', 'in_review', NULL),
                            (20, 'in_review', 'denied', 'It is too early to refill this prescription'))
                    AS s(step, from_status, to_status, reason)`,
      [benchPatientId, LARGE_REFILLS.patientRequests, pharmacy.id, patientAccount.id, nurse.id],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE medication; ANALYZE refill_request; ANALYZE refill_history');
    log?.(`seeded the large refill queue in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { nurseCookie: `portal_session=${token}` };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
