import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { QUERY_COUNT_HEADER } from '../src/infra/database/query-count.js';
import { newId } from '../src/infra/database/ids.js';
import { signedInPatient } from './support/appointment-flow.js';
import { billingOf, chargeBody, postCharge, posted, postInsurance } from './support/billing.js';
import { signedInStaff } from './support/invitation-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

describe('billing ledger', () => {
  let testApp: TestApp;
  let db: DataSource;
  let billing: Staff;
  let desk: Staff;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    billing = await signedInStaff(testApp, ['billing']);
    desk = await signedInStaff(testApp, ['front-desk']);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const ledger = async (patientId: string, query = '') => {
    const answer = await billing.get(`${billingOf(patientId)}/ledger${query}`);
    expect(answer.status).toBe(200);
    return answer.body as Body;
  };

  it('posts a charge, a payment and an adjustment as balanced entries, with a running balance', async () => {
    const { patient } = await signedInPatient(testApp);
    const charge = await postCharge(billing, patient.id);
    expect(charge).toMatchObject({
      kind: 'charge',
      date: '2026-03-02',
      description: 'Office visit, established patient',
      procedureCode: 'OV-EST-2',
      change: { amountMinor: 15000, currency: 'USD' },
      runningBalance: { amountMinor: 15000, currency: 'USD' },
    });
    await postInsurance(billing, patient.id, charge.id, 9000, 2500);
    const page = await ledger(patient.id);
    expect(page.balance).toEqual({ amountMinor: 3500, currency: 'USD' });
    expect(
      page.items.map((i: Body) => [i.kind, i.change.amountMinor, i.runningBalance.amountMinor]),
    ).toEqual([
      ['insurance-adjustment', -2500, 3500],
      ['insurance-payment', -9000, 6000],
      ['charge', 15000, 15000],
    ]);
    // Every entry's lines sum to zero, and the receivable lines to the balance.
    const sums = (await db.query(
      `SELECT e.id, sum(l.amount)::int AS total, count(*)::int AS lines
         FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
         JOIN billing_account a ON a.id = e.account_id WHERE a.patient_id = $1 GROUP BY e.id`,
      [patient.id],
    )) as { total: number; lines: number }[];
    expect(sums).toHaveLength(3);
    for (const sum of sums) expect(sum).toMatchObject({ total: 0, lines: 2 });
  });

  it('pages the ledger with a fixed number of queries, the running balance carried across pages', async () => {
    const { patient } = await signedInPatient(testApp);
    for (let i = 0; i < 5; i += 1)
      await postCharge(billing, patient.id, { amountMinor: 1000 * (i + 1) });
    const first = await billing.get(`${billingOf(patient.id)}/ledger?limit=2`);
    const queries = first.headers.get(QUERY_COUNT_HEADER);
    expect(first.body!.items.map((i: Body) => i.runningBalance.amountMinor)).toEqual([
      15000, 10000,
    ]);
    const second = await ledger(patient.id, `?limit=2&cursor=${first.body!.nextCursor}`);
    expect(second.items.map((i: Body) => i.runningBalance.amountMinor)).toEqual([6000, 3000]);
    const third = await ledger(patient.id, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((i: Body) => i.runningBalance.amountMinor)).toEqual([1000]);
    expect(third.nextCursor).toBeNull();
    for (let i = 0; i < 20; i += 1) await postCharge(billing, patient.id, { amountMinor: 100 });
    const bigger = await billing.get(`${billingOf(patient.id)}/ledger?limit=2`);
    expect(queries).not.toBeNull();
    expect(bigger.headers.get(QUERY_COUNT_HEADER)).toBe(queries);
  });

  it('refuses floats, negative, zero and string amounts with a problem naming the field', async () => {
    const { patient } = await signedInPatient(testApp);
    for (const amountMinor of [125.5, -100, 0, '100', 1e12]) {
      const answer = await billing.post(
        `${billingOf(patient.id)}/charges`,
        chargeBody({ amountMinor }),
      );
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body!.errors.map((e: Body) => e.field)).toEqual(['amountMinor']);
    }
    const currency = await billing.post(
      `${billingOf(patient.id)}/charges`,
      chargeBody({ currency: 'EUR' }),
    );
    expect(currency.status).toBe(400);
    expect(currency.body!.errors.map((e: Body) => e.field)).toEqual(['currency']);
    // A payment for a charge of another patient's account is refused naming chargeId.
    const other = await signedInPatient(testApp);
    const foreign = await postCharge(billing, other.patient.id);
    await postCharge(billing, patient.id);
    const misapplied = await billing.post(`${billingOf(patient.id)}/insurance-payments`, {
      chargeId: foreign.id,
      amountMinor: 100,
      currency: 'USD',
      payer: 'Acme Health',
      receivedOn: '2026-03-20',
    });
    expect(misapplied.status).toBe(400);
    expect(misapplied.body!.errors.map((e: Body) => e.field)).toEqual(['chargeId']);
    // More written off than is owed: 422 naming amountMinor.
    const tooMuch = await billing.post(`${billingOf(patient.id)}/write-offs`, {
      amountMinor: 15001,
      currency: 'USD',
      reason: 'Hardship',
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({
      code: 'write_off_exceeds_balance',
      errors: [{ field: 'amountMinor' }],
    });
    expect((await ledger(patient.id)).balance.amountMinor).toBe(15000);
  });

  it('writes off with a reason and reverses an entry once, keeping the original', async () => {
    const { patient } = await signedInPatient(testApp);
    const charge = await postCharge(billing, patient.id);
    const writeOff = await posted(billing, `${billingOf(patient.id)}/write-offs`, {
      amountMinor: 5000,
      currency: 'USD',
      reason: 'Financial hardship',
    });
    expect(writeOff).toMatchObject({
      kind: 'write-off',
      reason: 'Financial hardship',
      runningBalance: { amountMinor: 10000 },
    });
    const noReason = await billing.post(`${billingOf(patient.id)}/write-offs`, {
      amountMinor: 100,
      currency: 'USD',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body!.errors.map((e: Body) => e.field)).toEqual(['reason']);

    const reversal = await posted(
      billing,
      `${billingOf(patient.id)}/entries/${charge.id}/reversal`,
      {
        reason: 'Posted to the wrong patient',
      },
    );
    expect(reversal).toMatchObject({
      kind: 'reversal',
      reversesId: charge.id,
      change: { amountMinor: -15000 },
      runningBalance: { amountMinor: -5000 },
      description: 'Correction of an earlier charge',
    });
    const again = await billing.post(`${billingOf(patient.id)}/entries/${charge.id}/reversal`, {
      reason: 'Twice',
    });
    expect([again.status, again.body!.code]).toEqual([409, 'entry_already_reversed']);
    const ofReversal = await billing.post(
      `${billingOf(patient.id)}/entries/${reversal.id}/reversal`,
      { reason: 'No' },
    );
    expect([ofReversal.status, ofReversal.body!.code]).toEqual([422, 'reversal_not_reversible']);
    const unknown = await billing.post(`${billingOf(patient.id)}/entries/${newId()}/reversal`, {
      reason: 'No',
    });
    expect([unknown.status, unknown.body!.code]).toEqual([404, 'ledger_entry_not_found']);
    const items = (await ledger(patient.id)).items as Body[];
    expect(items.find((i) => i.id === charge.id)).toMatchObject({
      reversed: true,
      change: { amountMinor: 15000 },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the journal, and an unbalanced entry, in the database', async () => {
    const { patient } = await signedInPatient(testApp);
    const charge = await postCharge(billing, patient.id);
    await expect(
      db.query(`UPDATE journal_entry SET amount = 1 WHERE id = $1`, [charge.id]),
    ).rejects.toThrow(/append-only|permission denied/);
    await expect(
      db.query(`DELETE FROM journal_line WHERE entry_id = $1`, [charge.id]),
    ).rejects.toThrow(/append-only|permission denied/);
    await expect(db.query(`TRUNCATE journal_line`)).rejects.toThrow(
      /append-only|permission denied/,
    );
    const [account] = (await db.query(`SELECT id FROM billing_account WHERE patient_id = $1`, [
      patient.id,
    ])) as {
      id: string;
    }[];
    const unbalanced = db.transaction(async (tx) => {
      const id = newId();
      await tx.query(
        `INSERT INTO journal_entry (id, account_id, kind, amount, currency, effective_date, posted_at, procedure_code, description, units)
         VALUES ($1, $2, 'charge', 100, 'USD', '2026-03-01', now(), 'X1', 'Test', 1)`,
        [id, account!.id],
      );
      await tx.query(
        `INSERT INTO journal_line (entry_id, line_no, ledger, amount) VALUES ($1, 1, 'receivable', 100), ($1, 2, 'revenue', -99)`,
        [id],
      );
    });
    await expect(unbalanced).rejects.toThrow(/not balanced/);
    const lonely = db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO journal_entry (id, account_id, kind, amount, currency, effective_date, posted_at, procedure_code, description, units)
         VALUES ($1, $2, 'charge', 100, 'USD', '2026-03-01', now(), 'X1', 'Test', 1)`,
        [newId(), account!.id],
      );
    });
    await expect(lonely).rejects.toThrow(/not balanced/);
    expect((await ledger(patient.id)).balance.amountMinor).toBe(15000);
  });

  it('lets only billing staff and admins post, and keeps patients off the staff routes', async () => {
    const owner = await signedInPatient(testApp);
    const other = await signedInPatient(testApp);
    const admin = await signedInStaff(testApp, ['admin']);
    await postCharge(admin, owner.patient.id);
    const deskPost = await desk.post(`${billingOf(owner.patient.id)}/charges`, chargeBody());
    expect([deskPost.status, deskPost.body!.code]).toEqual([403, 'forbidden']);
    const deskRead = await desk.get(`${billingOf(owner.patient.id)}/ledger`);
    expect(deskRead.status).toBe(403);
    const nurse = await signedInStaff(testApp, ['nurse']);
    expect((await nurse.get('/api/v1/billing/reports/aging')).status).toBe(403);
    // A patient: their own ledger is a staff route (403); another's answers 404.
    const own = await owner.get(`${billingOf(owner.patient.id)}/ledger`);
    expect([own.status, own.body!.code]).toEqual([403, 'forbidden']);
    const foreign = await other.get(`${billingOf(owner.patient.id)}/ledger`);
    expect(foreign.status).toBe(404);
    expect((await owner.get('/api/v1/billing/reports/aging')).status).toBe(403);
    expect((await owner.post(`${billingOf(owner.patient.id)}/charges`, chargeBody())).status).toBe(
      403,
    );
    // An unknown patient is a 404 for staff too.
    const unknown = await billing.post(`${billingOf(newId())}/charges`, chargeBody());
    expect(unknown.status).toBe(404);
  });

  describe('remittance files', () => {
    const upload = (csv: string) =>
      billing.post('/api/v1/billing/remittances', { fileName: 'acme.csv', csv });
    const header = 'charge_id,payer,paid_amount,adjustment_amount,reference,paid_on';

    it('posts every row in one transaction', async () => {
      const a = await signedInPatient(testApp);
      const b = await signedInPatient(testApp);
      const chargeA = await postCharge(billing, a.patient.id);
      const chargeB = await postCharge(billing, b.patient.id, { amountMinor: 20000 });
      const answer = await upload(
        [
          header,
          `${chargeA.id},Acme Health,90.00,25.00,EFT-1,2026-03-20`,
          `${chargeB.id},"Acme Health, Inc.",150.5,,EFT-1,2026-03-20`,
        ].join('\n'),
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        rows: 2,
        entries: 3,
        paid: { amountMinor: 24050 },
        adjusted: { amountMinor: 2500 },
      });
      expect((await ledger(a.patient.id)).balance.amountMinor).toBe(3500);
      expect((await ledger(b.patient.id)).balance.amountMinor).toBe(4950);
    });

    it('posts nothing when any row is wrong, and lists each wrong row and field', async () => {
      const a = await signedInPatient(testApp);
      const charge = await postCharge(billing, a.patient.id);
      const answer = await upload(
        [
          header,
          `${charge.id},Acme Health,90.00,25.00,EFT-2,2026-03-20`,
          `${charge.id},Acme Health,-5,0,EFT-2,2026-03-20`,
          `not-an-id,,12.345,,EFT-2,2026-02-30`,
        ].join('\n'),
      );
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body!.code).toBe('remittance_rejected');
      expect(answer.body!.errors.map((e: Body) => e.field)).toEqual([
        'rows.3.paid_amount',
        'rows.4.charge_id',
        'rows.4.payer',
        'rows.4.paid_amount',
        'rows.4.paid_on',
      ]);
      // A row naming a charge that does not exist also stops the whole file.
      const unknown = await upload(
        [
          header,
          `${charge.id},Acme Health,90.00,0,EFT-3,2026-03-20`,
          `${newId()},Acme Health,1.00,0,EFT-3,2026-03-20`,
        ].join('\n'),
      );
      expect(unknown.status).toBe(422);
      expect(unknown.body!.errors).toEqual([
        { field: 'rows.3.charge_id', message: expect.any(String) },
      ]);
      expect((await ledger(a.patient.id)).balance.amountMinor).toBe(15000);
      const missing = await upload('charge_id,payer\nx,y');
      expect(missing.status).toBe(422);
      expect(missing.body!.errors.map((e: Body) => e.field)).toContain('rows.1.paid_amount');
    });
  });

  describe('reports', () => {
    it('ages what is owed into 30-day buckets on a controlled day, oldest charges paid first', async () => {
      const { patient } = await signedInPatient(testApp);
      // Service dates 10, 45, 75, 100 and 200 days before the day aged on.
      const asOf = '2026-06-30';
      const day = (daysBefore: number) =>
        new Date(Date.parse(`${asOf}T00:00:00Z`) - daysBefore * 86_400_000)
          .toISOString()
          .slice(0, 10);
      const oldest = await postCharge(billing, patient.id, {
        serviceDate: day(200),
        amountMinor: 1000,
      });
      for (const [days, amountMinor] of [
        [100, 2000],
        [75, 3000],
        [45, 4000],
        [10, 5000],
      ] as const) {
        await postCharge(billing, patient.id, { serviceDate: day(days), amountMinor });
      }
      // 1500 paid: the 200-day charge (1000) and half of the 100-day one.
      await postInsurance(billing, patient.id, oldest.id, 1500, 0, day(5));
      const report = await billing.get(`/api/v1/billing/reports/aging?asOf=${asOf}`);
      expect(report.status).toBe(200);
      const row = report.body!.accounts.find((a: Body) => a.patientId === patient.id);
      expect(row).toMatchObject({
        current: 5000,
        days30: 4000,
        days60: 3000,
        days90: 1500,
        days120: 0,
        balance: 13500,
      });
      // Eight days earlier the payment had not come in and every charge was 8 days younger.
      const earlier = await billing.get(`/api/v1/billing/reports/aging?asOf=${day(8)}`);
      const before = earlier.body!.accounts.find((a: Body) => a.patientId === patient.id);
      expect(before).toMatchObject({
        current: 5000,
        days30: 4000,
        days60: 3000,
        days90: 2000,
        days120: 1000,
        balance: 15000,
      });
      // The default day is the clock's: moved a year on, all of it is 120 days or more.
      const clock = testApp.app.get(Clock);
      clock.advance(365 * 86_400_000 * 2);
      try {
        // Sessions follow the same clock: sign in on the later day.
        const later = await (
          await signedInStaff(testApp, ['billing'])
        ).get('/api/v1/billing/reports/aging');
        expect(later.body!.accounts.find((a: Body) => a.patientId === patient.id)).toMatchObject({
          days120: 13500,
        });
      } finally {
        clock.advance(-365 * 86_400_000 * 2);
      }
      const csv = await testApp.fetch(`/api/v1/billing/reports/aging.csv?asOf=${asOf}`, {
        headers: {
          cookie: [...billing.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = await csv.text();
      expect(text.split('\n')[0]).toBe(
        'mrn,patient,current,days_30,days_60,days_90,days_120_plus,balance',
      );
      expect(text).toContain(',50.00,40.00,30.00,15.00,0.00,135.00');
    });

    it('reports the day’s deposits as JSON and CSV', async () => {
      const { patient } = await signedInPatient(testApp);
      const charge = await postCharge(billing, patient.id);
      const day = '2026-04-07';
      await postInsurance(billing, patient.id, charge.id, 8000, 0, day);
      await postInsurance(billing, patient.id, charge.id, 1234, 0, day);
      const report = await billing.get(`/api/v1/billing/reports/deposits?date=${day}`);
      expect(report.status).toBe(200);
      const mine = report.body!.lines.filter((l: Body) => l.patientId === patient.id);
      expect(mine.map((l: Body) => l.amount.amountMinor)).toEqual([8000, 1234]);
      expect(report.body!.insurancePayments.amountMinor).toBeGreaterThanOrEqual(9234);
      const csv = await testApp.fetch(`/api/v1/billing/reports/deposits.csv?date=${day}`, {
        headers: {
          cookie: [...billing.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        },
      });
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="deposits-${day}.csv"`,
      );
      const text = await csv.text();
      expect(text).toContain(`${day},insurance-payment,Acme Health,EFT-1001,`);
      expect(text).toContain(',80.00,');
      expect(text).toContain(',12.34,');
    });
  });
});
