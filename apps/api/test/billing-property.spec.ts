import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BillingService } from '../src/modules/billing/billing.service.js';
import { createPatientAccount } from './support/accounts.js';
import { billingOf, postCharge } from './support/billing.js';
import { signedInStaff } from './support/invitation-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [1, 7, 42, 2026, 31337];
const STEPS = 30;

describe('the ledger under random postings', () => {
  let testApp: TestApp;
  let db: DataSource;
  let billing: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    billing = await signedInStaff(testApp, ['billing']);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it.each(SEEDS)(
    'keeps every entry balanced and the balance equal to its lines (seed %i)',
    async (seed) => {
      const random = prng(seed);
      const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
      const { patient } = await createPatientAccount(testApp);
      const path = billingOf(patient.id);
      const service = testApp.app.get(BillingService);
      /** What the model says is owed, and the entries that can still be reversed with their effect. */
      let owed = 0;
      const reversible: { id: string; effect: number }[] = [];
      const charges: string[] = [];
      const day = () => `2026-0${int(1, 9)}-${String(int(10, 28))}`;

      for (let step = 0; step < STEPS; step += 1) {
        const choice = charges.length ? int(0, 6) : [0, 2, 5, 6][int(0, 3)]!;
        const amount = int(1, 50_000);
        let answer: { status: number; body: Body | null };
        let effect: number;
        if (choice === 0) {
          const made = await postCharge(billing, patient.id, {
            amountMinor: amount,
            serviceDate: day(),
          });
          charges.push(made.id);
          reversible.push({ id: made.id, effect: amount });
          owed += amount;
          continue;
        } else if (choice === 1) {
          answer = await billing.post(`${path}/insurance-payments`, {
            chargeId: charges.length ? charges[int(0, charges.length - 1)] : null,
            amountMinor: amount,
            currency: 'USD',
            payer: 'Acme Health',
            receivedOn: day(),
          });
          effect = -amount;
        } else if (choice === 2) {
          answer = await billing.post(`${path}/adjustments`, {
            amountMinor: amount,
            currency: 'USD',
          });
          effect = -amount;
        } else if (choice === 3) {
          // A write-off may forgive at most what is owed: the API refuses more, and so the model.
          answer = await billing.post(`${path}/write-offs`, {
            amountMinor: amount,
            currency: 'USD',
            reason: 'Hardship',
          });
          if (amount > owed) {
            expect([answer.status, answer.body!.code]).toEqual([422, 'write_off_exceeds_balance']);
            continue;
          }
          effect = -amount;
        } else if (choice === 4 && reversible.length) {
          const [target] = reversible.splice(int(0, reversible.length - 1), 1);
          answer = await billing.post(`${path}/entries/${target!.id}/reversal`, {
            reason: 'Correction',
          });
          expect(answer.status).toBe(201);
          // A reversed charge takes no more payments.
          if (charges.includes(target!.id)) charges.splice(charges.indexOf(target!.id), 1);
          owed -= target!.effect;
          continue;
        } else {
          const kind = choice === 5 ? 'patient-payment' : 'refund';
          const [id] = await service.post(
            patient.id,
            [{ kind, amount, effectiveDate: day() }],
            null,
          );
          effect = kind === 'refund' ? amount : -amount;
          reversible.push({ id: id!, effect });
          owed += effect;
          continue;
        }
        expect([answer.status, answer.body!.code]).toEqual([201, undefined]);
        reversible.push({ id: answer.body!.id as string, effect });
        owed += effect;
      }

      const [lines] = (await db.query(
        `SELECT count(*) FILTER (WHERE total <> 0 OR n < 2)::int AS unbalanced,
              coalesce(sum(receivable), 0)::text AS receivable, count(*)::int AS entries
         FROM (SELECT e.id, sum(l.amount) AS total, count(*) AS n,
                      sum(l.amount) FILTER (WHERE l.ledger = 'receivable') AS receivable
                 FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
                 JOIN billing_account a ON a.id = e.account_id
                WHERE a.patient_id = $1 GROUP BY e.id) per_entry`,
        [patient.id],
      )) as { unbalanced: number; receivable: string; entries: number }[];
      expect(lines!.unbalanced).toBe(0);
      expect(Number(lines!.receivable)).toBe(owed);

      const ledger = await billing.get(`${path}/ledger?limit=1`);
      expect(ledger.body!.balance.amountMinor).toBe(owed);
      expect(ledger.body!.items[0].runningBalance.amountMinor).toBe(owed);
      // Aged on a day after every posting, the buckets hold what is owed (nothing for a credit).
      const [account] = (await db.query(`SELECT id FROM billing_account WHERE patient_id = $1`, [
        patient.id,
      ])) as {
        id: string;
      }[];
      const aging = await service.agingOf(account!.id, '2027-01-01');
      expect(aging.balance).toBe(owed);
      expect(aging.current + aging.days30 + aging.days60 + aging.days90 + aging.days120).toBe(
        Math.max(owed, 0),
      );
    },
  );
});
