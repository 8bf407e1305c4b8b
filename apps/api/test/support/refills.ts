import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { newId } from '../../src/infra/database/ids.js';

/** A response body, read loosely in tests. */
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const refillsOf = (patientId: string) => `/api/v1/patients/${patientId}/refill-requests`;

/** A pharmacy of this test's own: a unique name, city and NCPDP id. */
export async function createPharmacy(
  db: DataSource,
  options: { name?: string; city?: string; postalCode?: string } = {},
) {
  const tag = newId().slice(-8);
  const pharmacy = {
    id: newId(),
    name: options.name ?? `Pharmacy ${tag}`,
    city: options.city ?? `Town ${tag}`,
    postalCode: options.postalCode ?? String(randomInt(10_000, 99_999)),
  };
  for (;;) {
    const ncpdpId = String(randomInt(1_000_000, 9_999_999));
    const inserted = (await db.query(
      `INSERT INTO pharmacy (id, ncpdp_id, name, address_line, city, region, postal_code, phone, active, created_at)
       VALUES ($1, $2, $3, '1 Main Street', $4, 'IL', $5, '+1 555 010 3000', true, now())
       ON CONFLICT (ncpdp_id) DO NOTHING RETURNING id`,
      [pharmacy.id, ncpdpId, pharmacy.name, pharmacy.city, pharmacy.postalCode],
    )) as { id: string }[];
    if (inserted.length) return { ...pharmacy, ncpdpId };
  }
}

/** A medication on the patient's list, written straight to the table. */
export async function addMedication(
  db: DataSource,
  patientId: string,
  options: {
    refillsRemaining?: number | null;
    controlled?: boolean;
    status?: 'active' | 'stopped';
    prescriber?: string | null;
    rxnormCode?: string;
    display?: string;
  } = {},
) {
  const id = newId();
  await db.query(
    `INSERT INTO medication (id, patient_id, rxnorm_code, display, code_system_version, dose,
                             frequency, prescriber, start_date, end_date, status,
                             refills_remaining, last_filled_on, pharmacy, controlled, version,
                             recorded_at, updated_at)
     VALUES ($1, $2, $3, $4, '2024-01', '10 mg', 'Once a day', $5, '2024-03-01',
             CASE WHEN $6 = 'stopped' THEN date '2024-06-01' END, $6, $7, '2024-05-01', NULL,
             $8, 1, now(), now())`,
    [
      id,
      patientId,
      options.rxnormCode ?? '314076',
      options.display ?? 'lisinopril 10 MG Oral Tablet',
      options.prescriber === undefined ? 'Dr. Priya Shah' : options.prescriber,
      options.status ?? 'active',
      options.refillsRemaining === undefined ? 3 : options.refillsRemaining,
      options.controlled ?? false,
    ],
  );
  return id;
}

export async function requestRefill(
  patient: { post(path: string, body?: unknown): Promise<{ status: number; body: Body | null }> },
  patientId: string,
  medicationIds: string[],
  pharmacyId: string,
): Promise<Body[]> {
  const made = await patient.post(refillsOf(patientId), { medicationIds, pharmacyId });
  if (made.status !== 201) throw new Error(`refill: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body!.items as Body[];
}
