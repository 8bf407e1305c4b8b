import type { DataSource } from 'typeorm';
import { BillingService, type Posting } from '../billing/billing.service.js';
import { previousMonth, StatementsService } from '../billing/statements.service.js';
import type { DemoPeople } from './demo-schedule.js';

const DAY = 86_400_000;

/** The clinic's own fee schedule for the demo (its codes, not CPT). */
const SERVICES = {
  visit: {
    procedureCode: 'OV-EST-2',
    description: 'Office visit, established patient',
    amount: 15_000,
  },
  physical: { procedureCode: 'PREV-ANNUAL', description: 'Yearly check-up', amount: 22_000 },
  lipids: { procedureCode: 'LAB-LIPID', description: 'Cholesterol blood test', amount: 6_000 },
  a1c: { procedureCode: 'LAB-A1C', description: 'Blood sugar (A1C) test', amount: 4_500 },
  flu: { procedureCode: 'VAX-FLU', description: 'Flu shot', amount: 3_500 },
} as const;
type Service = keyof typeof SERVICES;

/** A year of visits, by days before today, with what each included. */
const VISITS: { daysAgo: number; services: Service[] }[] = [
  { daysAgo: 350, services: ['physical', 'lipids'] },
  { daysAgo: 270, services: ['visit', 'a1c'] },
  { daysAgo: 180, services: ['visit'] },
  { daysAgo: 120, services: ['flu'] },
  { daysAgo: 75, services: ['visit', 'lipids'] },
  { daysAgo: 40, services: ['visit', 'a1c'] },
];

const PAYER = 'Prairie Health Insurance';

/** The insurer pays 65% and its contract takes 20% off, 25 days after the service. */
function insurance(amount: number) {
  const paid = Math.round((amount * 65) / 100);
  const adjusted = Math.round((amount * 20) / 100);
  return { paid, adjusted };
}

/**
 * Each demo patient's billing: a year of visits with charges (the completed visits of the
 * demo schedule among them), the insurer's payments and adjustments, one payment by the
 * patient, and two past monthly statements; what is left is due. Posted through the ledger
 * like any posting. False (nothing written) when a demo patient has a billing account.
 */
export async function seedDemoBilling(
  db: DataSource,
  billing: BillingService,
  statements: StatementsService,
  people: DemoPeople,
  now: Date,
): Promise<boolean> {
  const patientIds = [...people.patientIds.values()];
  if (!patientIds.length) return false;
  const existing = (await db.query(
    `SELECT 1 FROM billing_account WHERE patient_id = ANY($1::uuid[])`,
    [patientIds],
  )) as unknown[];
  if (existing.length) return false;
  const day = (daysAgo: number) =>
    new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const accountIds: string[] = [];
  for (const patientId of patientIds) {
    const completed = (await db.query(
      `SELECT id, starts_at FROM appointment WHERE patient_id = $1 AND status = 'completed' ORDER BY starts_at`,
      [patientId],
    )) as { id: string; starts_at: Date }[];
    const visits = [
      ...VISITS.map((visit) => ({ ...visit, appointmentId: null as string | null })),
      ...completed.map((visit) => ({
        daysAgo: Math.max(1, Math.round((now.getTime() - visit.starts_at.getTime()) / DAY)),
        services: ['visit'] as Service[],
        appointmentId: visit.id,
      })),
    ].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const visit of visits) {
      const charges: Posting[] = visit.services.map((service) => ({
        kind: 'charge',
        amount: SERVICES[service].amount,
        effectiveDate: day(visit.daysAgo),
        appointmentId: visit.appointmentId,
        procedureCode: SERVICES[service].procedureCode,
        description: SERVICES[service].description,
        units: 1,
      }));
      const chargeIds = await billing.post(patientId, charges, null);
      // Insurance has answered for visits more than 25 days ago.
      if (visit.daysAgo <= 25) continue;
      const received = day(visit.daysAgo - 25);
      const credits: Posting[] = charges.flatMap((charge, index) => {
        const { paid, adjusted } = insurance(charge.amount);
        const common = {
          chargeId: chargeIds[index]!,
          payer: PAYER,
          reference: `EFT-${received.replaceAll('-', '')}`,
        };
        return [
          { kind: 'insurance-payment' as const, amount: paid, effectiveDate: received, ...common },
          {
            kind: 'insurance-adjustment' as const,
            amount: adjusted,
            effectiveDate: received,
            ...common,
          },
        ];
      });
      await billing.post(patientId, credits, null);
    }
    // One payment by the patient, two months ago, toward the oldest visit.
    const [oldest] = (await db.query(
      `SELECT e.id FROM journal_entry e JOIN billing_account a ON a.id = e.account_id
        WHERE a.patient_id = $1 AND e.kind = 'charge' ORDER BY e.effective_date, e.id LIMIT 1`,
      [patientId],
    )) as { id: string }[];
    await billing.post(
      patientId,
      [{ kind: 'patient-payment', amount: 5_000, effectiveDate: day(60), chargeId: oldest!.id }],
      null,
    );
    const [account] = (await db.query(`SELECT id FROM billing_account WHERE patient_id = $1`, [
      patientId,
    ])) as {
      id: string;
    }[];
    accountIds.push(account!.id);
  }
  // The last two monthly statements, each issued on the 2nd of the month after its period.
  const last = previousMonth(now);
  const before = previousMonth(new Date(`${last.periodStart}T12:00:00Z`));
  for (const period of [before, last]) {
    const issuedAt = new Date(Date.parse(`${period.periodEnd}T15:00:00Z`) + 2 * DAY);
    await statements.issueAsOf(period, accountIds, issuedAt);
  }
  return true;
}
