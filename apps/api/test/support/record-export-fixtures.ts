import type { DataSource } from 'typeorm';
import { newId } from '../../src/infra/database/ids.js';

/**
 * A patient's record written straight to the tables with SQL, so the export's tests depend
 * on nothing but the schema.
 */
const AUDITED = `version, recorded_at, updated_at`;

export async function insertCondition(
  db: DataSource,
  patientId: string,
  values: { code?: string; display?: string; status?: string; onset?: string } = {},
) {
  const id = newId();
  await db.query(
    `INSERT INTO condition (id, patient_id, code, display, code_system_version, clinical_status,
                            onset_date, ${AUDITED})
     VALUES ($1, $2, $3, $4, '2026', $5, $6, 1, now(), now())`,
    [
      id,
      patientId,
      values.code ?? 'I10',
      values.display ?? 'Essential (primary) hypertension',
      values.status ?? 'active',
      values.onset ?? '2022-03-01',
    ],
  );
  return id;
}

export async function insertAllergy(
  db: DataSource,
  patientId: string,
  values: { substance?: string; status?: string } = {},
) {
  const id = newId();
  await db.query(
    `INSERT INTO allergy (id, patient_id, substance, category, reaction, severity,
                          clinical_status, ${AUDITED})
     VALUES ($1, $2, $3, 'medication', 'Hives', 'moderate', $4, 1, now(), now())`,
    [id, patientId, values.substance ?? 'Penicillin', values.status ?? 'active'],
  );
  return id;
}

export async function insertImmunization(db: DataSource, patientId: string, occurredOn: string) {
  const id = newId();
  await db.query(
    `INSERT INTO immunization (id, patient_id, cvx_code, display, code_system_version,
                               occurred_on, dose_number, dose_quantity, site, status, ${AUDITED})
     VALUES ($1, $2, '158', 'Influenza, injectable, quadrivalent', '2026', $3, 1, '0.5 mL',
             'Left arm', 'completed', 1, now(), now())`,
    [id, patientId, occurredOn],
  );
  return id;
}

export interface ReportOptions {
  title?: string;
  release?: 'held' | 'released';
  status?: string;
  effectiveAt?: Date;
  /** Observations: HbA1c values, one each. */
  values?: number[];
  /** Extra observations written with generate_series (for size tests). */
  bulk?: number;
  corrected?: boolean;
}

/** A laboratory report of HbA1c observations (range 4–5.6 %). */
export async function insertReport(db: DataSource, patientId: string, options: ReportOptions = {}) {
  const id = newId();
  const effectiveAt = options.effectiveAt ?? new Date(Date.now() - 86_400_000);
  const released = (options.release ?? 'released') === 'released';
  await db.query(
    `INSERT INTO result_report (id, patient_id, category, code, title, status, effective_at,
                                issued_at, release_state, released_at, abnormal, ${AUDITED})
     VALUES ($1, $2, 'laboratory', '4548-4', $3, $4, $5, $5, $6, $7, true, 1, now(), now())`,
    [
      id,
      patientId,
      options.title ?? 'Hemoglobin A1c',
      options.status ?? 'final',
      effectiveAt,
      released ? 'released' : 'held',
      released ? effectiveAt : null,
    ],
  );
  for (const value of options.values ?? []) {
    await db.query(
      `INSERT INTO observation (id, patient_id, report_id, category, code, display,
                                code_system_version, value_quantity, unit, reference_low,
                                reference_high, interpretation, status, effective_at, ${AUDITED})
       VALUES ($1, $2, $3, 'laboratory', '4548-4', 'Hemoglobin A1c', '2.80', $4, '%', 4, 5.6,
               $5, $6, $7, $8, now(), now())`,
      [
        newId(),
        patientId,
        id,
        value,
        value > 5.6 ? 'H' : value < 4 ? 'L' : 'N',
        options.corrected ? 'corrected' : 'final',
        effectiveAt,
        options.corrected ? 2 : 1,
      ],
    );
  }
  if (options.bulk) {
    await db.query(
      `INSERT INTO observation (id, patient_id, report_id, category, code, display,
                                code_system_version, value_quantity, unit, reference_low,
                                reference_high, interpretation, status, effective_at, ${AUDITED})
       SELECT gen_random_uuid(), $1, $2, 'laboratory', '2345-7', 'Glucose [Mass/volume] in Serum or Plasma',
              '2.80', 70 + (n % 60), 'mg/dL', 70, 99,
              CASE WHEN 70 + (n % 60) > 99 THEN 'H' ELSE 'N' END, 'final', $3, 1, now(), now()
         FROM generate_series(1, $4::int) AS n`,
      [patientId, id, effectiveAt, options.bulk],
    );
  }
  return id;
}

/** `count` blood pressure readings, one a day going back from yesterday. */
export async function insertVitals(db: DataSource, patientId: string, count: number) {
  await db.query(
    `INSERT INTO observation (id, patient_id, category, code, display, code_system_version,
                              value_quantity, unit, reference_high, interpretation, status,
                              effective_at, ${AUDITED})
     SELECT gen_random_uuid(), $1, 'vital-signs', '8480-6', 'Systolic blood pressure', '2.80',
            118 + (n % 30), 'mm[Hg]', 130, CASE WHEN 118 + (n % 30) > 130 THEN 'H' ELSE 'N' END,
            'final', now() - n * interval '1 day', 1, now(), now()
       FROM generate_series(1, $2::int) AS n`,
    [patientId, count],
  );
}

export async function insertVisit(
  db: DataSource,
  patientId: string,
  values: { visitDate?: string; providerId?: string | null; locationId?: string | null } = {},
) {
  const id = newId();
  await db.query(
    `INSERT INTO visit_summary (id, patient_id, visit_date, provider_id, location_id, diagnoses,
                                instructions, follow_up, status, ${AUDITED})
     VALUES ($1, $2, $3, $4, $5, $6, 'Check your blood pressure at home twice a week.',
             'Come back in 3 months.', 'final', 1, now(), now())`,
    [
      id,
      patientId,
      values.visitDate ?? '2026-01-15',
      values.providerId ?? null,
      values.locationId ?? null,
      JSON.stringify([{ code: 'I10', display: 'Essential (primary) hypertension' }]),
    ],
  );
  return id;
}

export async function insertCarePlan(db: DataSource, patientId: string, conditionId: string) {
  const id = newId();
  await db.query(
    `INSERT INTO care_plan (id, patient_id, title, description, status, period_start,
                            condition_ids, goals, activities, ${AUDITED})
     VALUES ($1, $2, 'Blood pressure plan', 'Bring blood pressure under control.', 'active',
             '2022-03-01', $3, $4, $5, 1, now(), now())`,
    [
      id,
      patientId,
      JSON.stringify([conditionId]),
      JSON.stringify([
        {
          id: newId(),
          description: 'Blood pressure below 130/80',
          status: 'in-progress',
          target: '130/80 mmHg',
        },
      ]),
      JSON.stringify([{ id: newId(), description: 'Keep a home BP log', status: 'in-progress' }]),
    ],
  );
  return id;
}

/** The text of each page of a PDF, read with pdf.js, whitespace collapsed. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    // Words in reading order, one space between, however pdf.js split the lines.
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await document.destroy();
  return pages;
}

/** Whether every piece of text of a PDF is drawn upright (a positive vertical scale). */
export async function pdfTextUpright(bytes: Uint8Array): Promise<boolean> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 })
    .promise;
  let upright = true;
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) {
      if ('str' in item && item.str.trim() && !((item.transform as number[])[3]! > 0)) {
        upright = false;
      }
    }
  }
  await document.destroy();
  return upright;
}
