import type { DataSource } from 'typeorm';
import { newId } from '../../src/infra/database/ids.js';

/** A lipid panel with one value in range and one above it, as staff send it. */
export function lipidPanel(extra: Record<string, unknown> = {}) {
  return {
    category: 'laboratory',
    code: '24331-1',
    title: 'Lipid panel',
    status: 'final',
    effectiveAt: '2026-03-01T08:30:00Z',
    observations: [
      { code: '2093-3', valueQuantity: 150, unit: 'mg/dL', status: 'final' },
      { code: '2345-7', valueQuantity: 120, unit: 'mg/dL', status: 'final' },
    ],
    ...extra,
  };
}

/** The smallest file that starts like a PDF, base64-encoded. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * Many released glucose values for one patient, written straight to the tables, so a test can
 * compare the cost of a request over a short and a long history.
 */
export async function addGlucoseHistory(db: DataSource, patientId: string, count: number) {
  const reportId = newId();
  await db.query(
    `INSERT INTO result_report (id, patient_id, category, title, status, effective_at, issued_at,
            release_state, released_at, version, recorded_at, updated_at)
     VALUES ($1, $2, 'laboratory', 'Glucose history', 'final', now(), now(), 'released', now(), 1,
            now(), now())`,
    [reportId, patientId],
  );
  await db.query(
    `INSERT INTO observation (id, patient_id, report_id, category, code, display,
            code_system_version, value_quantity, unit, interpretation, status, effective_at,
            version, recorded_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, 'laboratory', '2345-7', 'Glucose', '2.80', 80 + i % 40,
            'mg/dL', 'N', 'final', now() - i * interval '1 hour', 1, now(), now()
       FROM generate_series(1, $3::int) AS i`,
    [patientId, reportId, count],
  );
  await db.query(
    `INSERT INTO observation (id, patient_id, category, code, display, code_system_version,
            value_quantity, unit, status, effective_at, version, recorded_at, updated_at)
     SELECT gen_random_uuid(), $1, 'vital-signs', '8867-4', 'Heart rate', '2.80', 70, '/min',
            'final', now() - i * interval '1 hour', 1, now(), now()
       FROM generate_series(1, $2::int) AS i`,
    [patientId, count],
  );
  for (let i = 0; i < Math.min(count, 30); i += 1) {
    await db.query(
      `INSERT INTO result_report (id, patient_id, category, title, status, effective_at, issued_at,
              release_state, released_at, version, recorded_at, updated_at)
       VALUES ($1, $2, 'laboratory', 'Old panel', 'final', now() - $3 * interval '1 day', now(),
              'released', now(), 1, now(), now())`,
      [newId(), patientId, i + 1],
    );
  }
}
