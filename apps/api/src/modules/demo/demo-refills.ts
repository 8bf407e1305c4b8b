import type { EntityManager } from 'typeorm';
import { newId } from '../../infra/database/ids.js';
import type { DemoPeople } from './demo-schedule.js';

const HOUR = 3_600_000;

/** The demo pharmacy directory (NCPDP ids in a range no real pharmacy is numbered in here). */
const PHARMACIES = [
  ['1490001', 'Main Street Pharmacy', '20 Main Street', 'Springfield', '62701', '+1 555 010 3001'],
  [
    '1490002',
    'Lakeside Drugstore',
    '310 Lake Shore Drive',
    'Springfield',
    '62704',
    '+1 555 010 3002',
  ],
  [
    '1490003',
    'Chatham Community Pharmacy',
    '4 Plummer Boulevard',
    'Chatham',
    '62629',
    '+1 555 010 3003',
  ],
  ['1490004', 'Riverside Apothecary', '77 River Road', 'Springfield', '62702', '+1 555 010 3004'],
  [
    '1490005',
    'Capitol Care Pharmacy',
    '150 Capitol Avenue',
    'Springfield',
    '62701',
    '+1 555 010 3005',
  ],
] as const;

/** Each demo patient's pharmacy: a different one for each, so the choice shows. */
const PREFERRED: Record<string, string> = {
  'alex.demo': '1490001',
  'jordan.demo': '1490002',
  'sam.demo': '1490003',
};

async function demoRefillsExist(manager: EntityManager): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM pharmacy WHERE ncpdp_id = $1`, [
    PHARMACIES[0][0],
  ])) as unknown[];
  return rows.length > 0;
}

/**
 * The pharmacy directory, each demo patient's preferred pharmacy and two refill requests each:
 * lisinopril in review with the nurse since yesterday, and metformin approved by the provider
 * and sent to the pharmacy three weeks ago.
 */
export async function seedDemoRefills(
  manager: EntityManager,
  people: DemoPeople,
  now: Date,
): Promise<boolean> {
  if (await demoRefillsExist(manager)) return false;
  const nurse = people.staffAccountIds.get('nurse.demo');
  const provider = people.staffAccountIds.get('provider.demo');
  const pharmacyIds = new Map<string, string>();
  for (const [ncpdpId, name, line, city, postalCode, phone] of PHARMACIES) {
    const id = newId();
    pharmacyIds.set(ncpdpId, id);
    await manager.query(
      `INSERT INTO pharmacy (id, ncpdp_id, name, address_line, city, region, postal_code, phone, active, created_at)
       VALUES ($1, $2, $3, $4, $5, 'IL', $6, $7, true, $8)`,
      [id, ncpdpId, name, line, city, postalCode, phone, now],
    );
  }
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const history = async (
    requestId: string,
    steps: [
      hoursAgo: number,
      by: string | null,
      from: string | null,
      to: string,
      event?: string,
      reason?: string,
    ][],
  ) => {
    for (const [hoursAgo, by, from, to, event, reason] of steps) {
      await manager.query(
        `INSERT INTO refill_history (id, request_id, at, by_account_id, event, from_status, to_status, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [newId(), requestId, at(hoursAgo), by, event ?? 'status', from, to, reason ?? null],
      );
    }
  };
  for (const [username, patientId] of people.patientIds) {
    const [account] = (await manager.query(`SELECT id FROM account WHERE username = $1`, [
      username,
    ])) as { id: string }[];
    const ncpdpId = PREFERRED[username] ?? PHARMACIES[0][0];
    const pharmacyId = pharmacyIds.get(ncpdpId)!;
    await manager.query(
      `INSERT INTO patient_pharmacy (patient_id, pharmacy_id, updated_by, updated_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (patient_id) DO NOTHING`,
      [patientId, pharmacyId, account?.id ?? null, at(24 * 40)],
    );
    const medications = (await manager.query(
      `SELECT id, rxnorm_code, prescriber, refills_remaining FROM medication
        WHERE patient_id = $1 AND status = 'active' AND rxnorm_code IN ('314076', '861007')`,
      [patientId],
    )) as {
      id: string;
      rxnorm_code: string;
      prescriber: string | null;
      refills_remaining: number | null;
    }[];
    const lisinopril = medications.find((m) => m.rxnorm_code === '314076');
    const metformin = medications.find((m) => m.rxnorm_code === '861007');
    if (!account || !nurse || !provider) continue;
    if (lisinopril) {
      const id = newId();
      await manager.query(
        `INSERT INTO refill_request (id, patient_id, medication_id, kind, pharmacy_id, prescriber, note,
                                     status, version, requested_by, requested_at, updated_at)
         VALUES ($1, $2, $3, 'refill', $4, $5, 'I have about a week of tablets left.',
                 'in_review', 2, $6, $7, $8)`,
        [
          id,
          patientId,
          lisinopril.id,
          pharmacyId,
          lisinopril.prescriber,
          account.id,
          at(26),
          at(20),
        ],
      );
      await history(id, [
        [26, account.id, null, 'requested'],
        [20, nurse, 'requested', 'in_review'],
      ]);
    }
    if (metformin) {
      const id = newId();
      const refills = Math.max((metformin.refills_remaining ?? 1) - 1, 0);
      await manager.query(
        `INSERT INTO refill_request (id, patient_id, medication_id, kind, pharmacy_id, prescriber, note,
                                     status, version, requested_by, requested_at, updated_at,
                                     decided_by, decided_at, approved_quantity, approved_refills,
                                     send_status, sent_at, sent_message_id)
         VALUES ($1, $2, $3, 'refill', $4, $5, NULL, 'approved', 3, $6, $7, $8, $9, $10, 60, $11,
                 'sent', $8, $12)`,
        [
          id,
          patientId,
          metformin.id,
          pharmacyId,
          metformin.prescriber,
          account.id,
          at(24 * 22),
          at(24 * 21 - 1),
          provider,
          at(24 * 21),
          refills,
          `refill-${id}`,
        ],
      );
      await history(id, [
        [24 * 22, account.id, null, 'requested'],
        [24 * 21, provider, 'requested', 'approved'],
        [
          24 * 21 - 1,
          null,
          'approved',
          'approved',
          'sent',
          `Sent to the pharmacy (NCPDP ${ncpdpId}), message refill-${id}`,
        ],
      ]);
    }
  }
  return true;
}
