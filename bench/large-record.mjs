/**
 * A long medical history for the bench patient: 20,000 laboratory observations in 2,000
 * released reports over twenty years, plus some conditions, allergies and immunizations,
 * inserted with set-based SQL. Each run's bench patient is new, so this runs once per run.
 */
import pg from 'pg';

export const LARGE_RECORD = { reports: 2_000, observationsPerReport: 10 };

// Ten common tests (LOINC, display, unit, low, high), cycled through each report.
const TESTS = [
  ['2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'mg/dL', 70, 99],
  ['2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', 0.6, 1.3],
  ['2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', 135, 145],
  ['2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 'mmol/L', 3.5, 5.1],
  ['718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', 12, 17.5],
  ['6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*3/uL', 4.5, 11],
  ['2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', 'mg/dL', null, 200],
  ['2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', 'mg/dL', 40, null],
  ['2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', 'mg/dL', null, 150],
  ['4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', '%', 4, 5.6],
];

export async function seedLargeRecord(databaseUrl, patientId, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO result_report (id, patient_id, category, code, title, status, effective_at, issued_at,
                                  release_state, released_at, abnormal, recorded_at, updated_at)
       SELECT gen_random_uuid(), $1, 'laboratory', '24323-8', 'Metabolic panel', 'final',
              now() - make_interval(days => n * 3), now() - make_interval(days => n * 3),
              'released', now() - make_interval(days => n * 3), n % 7 = 0, now(), now()
         FROM generate_series(1, $2) AS n`,
      [patientId, LARGE_RECORD.reports],
    );
    await client.query(
      `INSERT INTO observation (id, patient_id, report_id, category, code, display, code_system_version,
                                value_quantity, unit, reference_low, reference_high, interpretation,
                                status, effective_at, recorded_at, updated_at)
       SELECT gen_random_uuid(), $1, r.id, 'laboratory', t.code, t.display, '2.77',
              round(((coalesce(t.low, t.high * 0.5) + coalesce(t.high, t.low * 2)) / 2
                    * (0.8 + random() * 0.5))::numeric, 1),
              t.unit, t.low, t.high, 'N', 'final', r.effective_at, now(), now()
         FROM result_report r
        CROSS JOIN jsonb_to_recordset($2::jsonb) AS t(code text, display text, unit text, low numeric, high numeric)
        WHERE r.patient_id = $1`,
      [
        patientId,
        JSON.stringify(
          TESTS.map(([code, display, unit, low, high]) => ({ code, display, unit, low, high })),
        ),
      ],
    );
    await client.query(
      `INSERT INTO condition (id, patient_id, code, display, code_system_version, clinical_status,
                              onset_date, recorded_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'I10', 'Essential (primary) hypertension', '2026', 'active',
               current_date - 2000, now(), now()),
              (gen_random_uuid(), $1, 'E78.5', 'Hyperlipidemia, unspecified', '2026', 'active',
               current_date - 1500, now(), now())`,
      [patientId],
    );
    await client.query(
      `INSERT INTO allergy (id, patient_id, substance, category, reaction, severity, clinical_status,
                            recorded_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'Penicillin', 'medication', 'Hives', 'moderate', 'active', now(), now())`,
      [patientId],
    );
    await client.query(
      `INSERT INTO immunization (id, patient_id, cvx_code, display, code_system_version, occurred_on,
                                 status, recorded_at, updated_at)
       SELECT gen_random_uuid(), $1, '158', 'Influenza, injectable, quadrivalent', '2026',
              current_date - 365 * n, 'completed', now(), now()
         FROM generate_series(0, 9) AS n`,
      [patientId],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE observation');
    await client.query('ANALYZE result_report');
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM observation WHERE patient_id = $1`,
      [patientId],
    );
    log(
      `large record: ${rows[0].n.toLocaleString('en')} observations for the bench patient ` +
        `(seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
