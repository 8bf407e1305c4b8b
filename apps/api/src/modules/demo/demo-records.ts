import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { newId } from '../../infra/database/ids.js';
import type { DemoPeople } from './demo-schedule.js';

/**
 * Several years of health record for each demo patient: high blood pressure with its care
 * plan, blood sugar trouble followed by HbA1c tests, yearly lipid panels (one with a high
 * LDL), two allergies, a medication list (lisinopril for the blood pressure after a
 * water pill that was stopped, metformin for the blood sugar), the usual vaccines, vital signs at each visit and visit summaries tied
 * to the demo appointments. Everything is released, with dates relative to today.
 */

const ICD = '2026';
const LOINC = '2.80';
const CVX = '2026';
const RXNORM = '2025-06';

interface DemoHistory {
  username: string;
  diabetes: { code: string; display: string };
  /** HbA1c values, oldest first, every four months up to last month. */
  a1c: number[];
  /** LDL of each yearly lipid panel, oldest first. */
  ldl: number[];
  systolic: number[];
  diastolic: number[];
  weightKg: number;
  heightM: number;
}

const HISTORIES: DemoHistory[] = [
  {
    username: 'alex.demo',
    diabetes: { code: 'R73.03', display: 'Prediabetes' },
    a1c: [6.1, 6.2, 6.0, 6.3, 6.1, 5.9, 6.0, 5.8, 5.9, 5.8],
    ldl: [142, 118, 104],
    systolic: [148, 142, 138, 134, 131, 128, 127],
    diastolic: [94, 90, 88, 85, 82, 80, 79],
    weightKg: 78,
    heightM: 1.65,
  },
  {
    username: 'jordan.demo',
    diabetes: { code: 'R73.03', display: 'Prediabetes' },
    a1c: [5.9, 6.0, 6.1, 6.0, 5.9, 6.2, 6.0, 5.9, 5.8, 5.9],
    ldl: [98, 165, 112],
    systolic: [142, 140, 136, 135, 132, 129, 126],
    diastolic: [92, 90, 87, 86, 84, 81, 80],
    weightKg: 92,
    heightM: 1.8,
  },
  {
    username: 'sam.demo',
    diabetes: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
    a1c: [8.4, 8.1, 7.8, 7.6, 7.4, 7.5, 7.2, 7.1, 6.9, 7.0],
    ldl: [171, 128, 96],
    systolic: [156, 150, 146, 141, 138, 135, 132],
    diastolic: [96, 94, 91, 88, 86, 84, 82],
    weightKg: 88,
    heightM: 1.75,
  },
];

const HYPERTENSION = { code: 'I10', display: 'Essential (primary) hypertension' };

/** True once the demo patients have a record (the first one is enough to tell). */
export async function demoRecordsExist(
  manager: EntityManager,
  patientIds: string[],
): Promise<boolean> {
  if (!patientIds.length) return true;
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM condition WHERE patient_id = ANY($1::uuid[]) LIMIT 1`,
    [patientIds],
  );
  return rows.length > 0;
}

interface PastVisit {
  appointment_id: string;
  provider_id: string;
  provider_name: string;
  location_id: string;
  starts_at: Date;
}

/** Writes the records; false (nothing written) when the demo patients already have one. */
export async function seedDemoRecords(
  manager: EntityManager,
  people: DemoPeople,
  now: Date,
): Promise<boolean> {
  const patientIds = [...people.patientIds.values()];
  if (await demoRecordsExist(manager, patientIds)) return false;
  const recordedBy = people.staffAccountIds.get('provider.demo') ?? null;
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  const day = (monthsAgo: number, days = 0) => today.minus({ months: monthsAgo, days });
  const at = (date: DateTime, hour = 15) => date.set({ hour }).toJSDate();
  const iso = (date: DateTime) => date.toISODate()!;

  for (const history of HISTORIES) {
    const patientId = people.patientIds.get(history.username);
    if (!patientId) continue;
    const row = (recordedAt: Date) => [1, recordedBy, recordedAt, recordedBy, recordedAt];
    const audited = `version, recorded_by, recorded_at, updated_by, updated_at`;

    // Conditions and the care plan for blood pressure.
    const hypertensionId = newId();
    const diabetesId = newId();
    for (const [id, condition, onset] of [
      [hypertensionId, HYPERTENSION, day(48)],
      [diabetesId, history.diabetes, day(36, 10)],
    ] as const) {
      await manager.query(
        `INSERT INTO condition (id, patient_id, code, display, code_system_version,
                                clinical_status, onset_date, note, ${audited})
         VALUES ($1, $2, $3, $4, $5, 'active', $6, NULL, $7, $8, $9, $10, $11)`,
        [id, patientId, condition.code, condition.display, ICD, iso(onset), ...row(at(onset))],
      );
    }
    await manager.query(
      `INSERT INTO care_plan (id, patient_id, title, description, status, period_start,
                              condition_ids, goals, activities, ${audited})
       VALUES ($1, $2, 'Blood pressure care plan', $3, 'active', $4, $5, $6, $7,
               $8, $9, $10, $11, $12)`,
      [
        newId(),
        patientId,
        'Lower blood pressure to protect the heart, brain and kidneys.',
        iso(day(48)),
        JSON.stringify([hypertensionId]),
        JSON.stringify([
          {
            id: newId(),
            description: 'Blood pressure below 130/80',
            status: 'in-progress',
            target: 'Below 130/80 mmHg',
          },
        ]),
        JSON.stringify([
          { id: newId(), description: 'Keep a home blood pressure log', status: 'in-progress' },
          { id: newId(), description: 'Follow a low-sodium diet', status: 'in-progress' },
          { id: newId(), description: 'Walk 30 minutes, 5 days a week', status: 'in-progress' },
        ]),
        ...row(at(day(48))),
      ],
    );

    // Allergies.
    for (const allergy of [
      ['Penicillin', 'medication', 'Hives', 'moderate', day(240)],
      ['Peanuts', 'food', 'Anaphylaxis', 'severe', day(400)],
    ] as const) {
      await manager.query(
        `INSERT INTO allergy (id, patient_id, substance, category, reaction, severity,
                              clinical_status, onset_date, ${audited})
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9, $10, $11, $12)`,
        [newId(), patientId, ...allergy.slice(0, 4), iso(allergy[4]), ...row(at(day(47)))],
      );
    }

    // Medications: a water pill first, replaced by lisinopril; metformin for the blood sugar.
    const medications: [string, string, string, string, DateTime, DateTime | null, number][] = [
      [
        '310798',
        'hydrochlorothiazide 25 MG Oral Tablet',
        '25 mg',
        'Once a day',
        day(48),
        day(44),
        0,
      ],
      ['314076', 'lisinopril 10 MG Oral Tablet', '10 mg', 'Once a day', day(44), null, 3],
      [
        '861007',
        'metformin hydrochloride 500 MG Oral Tablet',
        '500 mg',
        'Twice a day, with meals',
        day(36, 10),
        null,
        5,
      ],
    ];
    for (const [code, display, dose, frequency, start, end, refills] of medications) {
      await manager.query(
        `INSERT INTO medication (id, patient_id, rxnorm_code, display, code_system_version,
                                 dose, route, frequency, instructions, prescriber, start_date,
                                 end_date, status, refills_remaining, last_filled_on, pharmacy,
                                 ${audited})
         VALUES ($1, $2, $3, $4, $5, $6, 'oral', $7, $8, 'Dr. Priya Shah', $9, $10, $11, $12,
                 $13, 'Main Street Pharmacy', $14, $15, $16, $17, $18)`,
        [
          newId(),
          patientId,
          code,
          display,
          RXNORM,
          dose,
          frequency,
          end ? null : 'Take by mouth with a glass of water.',
          iso(start),
          end ? iso(end) : null,
          end ? 'stopped' : 'active',
          refills,
          iso(end ?? day(0, 12)),
          ...row(at(start)),
        ],
      );
    }

    // Immunizations: a flu shot every autumn, and the adult series.
    const shots: [string, string, DateTime, number | null][] = [];
    for (let year = 3; year >= 0; year -= 1) {
      const autumn = DateTime.fromObject({ year: today.year - year, month: 10, day: 6 });
      if (autumn > today) continue;
      shots.push([
        year % 2 ? '150' : '158',
        year % 2
          ? 'Influenza, injectable, quadrivalent, preservative free'
          : 'Influenza, injectable, quadrivalent',
        autumn,
        null,
      ]);
    }
    shots.push(['115', 'Tdap', day(30), 1]);
    shots.push(['300', 'COVID-19, mRNA, LNP-S, bivalent, PF, 50 mcg/0.5 mL dose', day(14), 1]);
    shots.push(['33', 'Pneumococcal polysaccharide PPV23', day(20), 1]);
    for (const [cvx, display, date, dose] of shots) {
      await manager.query(
        `INSERT INTO immunization (id, patient_id, cvx_code, display, code_system_version,
                                   occurred_on, dose_number, dose_quantity, site, lot_number,
                                   status, ${audited})
         VALUES ($1, $2, $3, $4, $5, $6, $7, '0.5 mL', 'Left upper arm', $8, 'completed',
                 $9, $10, $11, $12, $13)`,
        [
          newId(),
          patientId,
          cvx,
          display,
          CVX,
          iso(date),
          dose,
          `LOT${cvx}${date.toFormat('yyMM')}`,
          ...row(at(date)),
        ],
      );
    }

    // Results: HbA1c every four months, a lipid panel every year.
    const report = async (
      title: string,
      code: string,
      date: DateTime,
      observations: [string, string, number, string, number | null, number | null][],
    ) => {
      const id = newId();
      const effectiveAt = at(date, 14);
      const issuedAt = at(date, 20);
      const flags = observations.map(([, , value, , low, high]) =>
        high !== null && value > high ? 'H' : low !== null && value < low ? 'L' : 'N',
      );
      await manager.query(
        `INSERT INTO result_report (id, patient_id, category, code, title, status, effective_at,
                                    issued_at, ordering_provider_id, release_state, released_at,
                                    first_viewed_at, abnormal, ${audited})
         VALUES ($1, $2, 'laboratory', $3, $4, 'final', $5, $6,
                 (SELECT id FROM provider WHERE account_id = $7 LIMIT 1), 'released', $6, $8, $9,
                 $10, $11, $12, $13, $14)`,
        [
          id,
          patientId,
          code,
          title,
          effectiveAt,
          issuedAt,
          recordedBy,
          // The latest results are still new to the patient.
          date < day(1) ? issuedAt : null,
          flags.some((f) => f !== 'N'),
          ...row(issuedAt),
        ],
      );
      for (const [index, [loinc, display, value, unit, low, high]] of observations.entries()) {
        await manager.query(
          `INSERT INTO observation (id, patient_id, report_id, category, code, display,
                                    code_system_version, value_quantity, unit, reference_low,
                                    reference_high, interpretation, status, effective_at,
                                    ${audited})
           VALUES ($1, $2, $3, 'laboratory', $4, $5, $6, $7, $8, $9, $10, $11, 'final', $12,
                   $13, $14, $15, $16, $17)`,
          [
            newId(),
            patientId,
            id,
            loinc,
            display,
            LOINC,
            value,
            unit,
            low,
            high,
            flags[index],
            effectiveAt,
            ...row(issuedAt),
          ],
        );
      }
    };
    const a1cCount = history.a1c.length;
    for (const [index, value] of history.a1c.entries()) {
      const monthsAgo = (a1cCount - 1 - index) * 4 + 1;
      await report('Hemoglobin A1c', '4548-4', day(monthsAgo, 3), [
        ['4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', value, '%', 4, 5.6],
      ]);
    }
    for (const [index, ldl] of history.ldl.entries()) {
      const monthsAgo = (history.ldl.length - 1 - index) * 12 + 2;
      const total = ldl + 75;
      await report('Lipid panel', '24331-1', day(monthsAgo, 5), [
        ['2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', total, 'mg/dL', null, 200],
        ['2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', 52, 'mg/dL', 40, null],
        [
          '13457-7',
          'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation',
          ldl,
          'mg/dL',
          null,
          130,
        ],
        ['2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', 128, 'mg/dL', null, 150],
      ]);
    }

    // Visits: the completed demo appointments, and earlier ones from before the portal.
    const appointments: PastVisit[] = await manager.query(
      `SELECT a.id AS appointment_id, a.provider_id, p.display_name AS provider_name,
              a.location_id, a.starts_at
         FROM appointment a JOIN provider p ON p.id = a.provider_id
        WHERE a.patient_id = $1 AND a.status = 'completed'
        ORDER BY a.starts_at`,
      [patientId],
    );
    const first = appointments[0];
    const visitDays = [
      ...[42, 30, 18, 9].map((months) => ({ date: day(months, 2), appointment: null })),
      ...appointments.map((a) => ({
        date: DateTime.fromJSDate(a.starts_at, { zone: 'utc' }),
        appointment: a,
      })),
    ];
    for (const [index, visit] of visitDays.entries()) {
      const vitalsAt = visit.date.set({ hour: 15 }).toJSDate();
      const i = Math.min(index, history.systolic.length - 1);
      const weight = history.weightKg - index * 0.6;
      const bmi = Math.round((weight / history.heightM ** 2) * 10) / 10;
      for (const [loinc, display, value, unit, high] of [
        ['8480-6', 'Systolic blood pressure', history.systolic[i]!, 'mm[Hg]', 130],
        ['8462-4', 'Diastolic blood pressure', history.diastolic[i]!, 'mm[Hg]', 80],
        ['8867-4', 'Heart rate', 72 + (index % 3) * 3, '/min', 100],
        ['29463-7', 'Body weight', Math.round(weight * 10) / 10, 'kg', null],
        ['39156-5', 'Body mass index (BMI) [Ratio]', bmi, 'kg/m2', 25],
      ] as const) {
        await manager.query(
          `INSERT INTO observation (id, patient_id, category, code, display, code_system_version,
                                    value_quantity, unit, reference_high, interpretation, status,
                                    effective_at, ${audited})
           VALUES ($1, $2, 'vital-signs', $3, $4, $5, $6, $7, $8, $9, 'final', $10,
                   $11, $12, $13, $14, $15)`,
          [
            newId(),
            patientId,
            loinc,
            display,
            LOINC,
            value,
            unit,
            high,
            high !== null && value > high ? 'H' : 'N',
            vitalsAt,
            ...row(vitalsAt),
          ],
        );
      }
    }
    // Summaries for the last two visits before the portal and each completed appointment.
    for (const visit of visitDays.slice(2)) {
      const appointment = visit.appointment ?? first;
      await manager.query(
        `INSERT INTO visit_summary (id, patient_id, appointment_id, visit_date, provider_id,
                                    location_id, diagnoses, instructions, follow_up, status,
                                    ${audited})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'final', $10, $11, $12, $13, $14)`,
        [
          newId(),
          patientId,
          visit.appointment?.appointment_id ?? null,
          iso(visit.date),
          appointment?.provider_id ?? null,
          appointment?.location_id ?? null,
          JSON.stringify([HYPERTENSION, history.diabetes]),
          'Keep taking lisinopril 10 mg once a day. Check your blood pressure at home three ' +
            'times a week and bring the log to your next visit. Eat less salt, and walk 30 ' +
            'minutes on five days of the week.',
          'Come back in 3 months for a blood pressure check and an HbA1c test.',
          ...row(visit.date.set({ hour: 18 }).toJSDate()),
        ],
      );
    }
  }
  return true;
}
