import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { previousMonth } from '../src/modules/billing/billing.rules.js';
import { IssueStatementsJob, MonthlyStatementsJob } from '../src/modules/billing/statement-jobs.js';
import { signedInPatient } from './support/appointment-flow.js';
import {
  billingOf,
  patientBillingOf,
  postCharge,
  postInsurance,
  posted,
} from './support/billing.js';
import { readMail, signedInStaff } from './support/invitation-flow.js';
import { startTestAppWithMail, waitFor } from './support/smtp-sink.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

const PUBLIC_URL = 'https://portal.example.test';

/**
 * A calendar month long past, different on each run: statement runs are once per period in
 * the shared test database, so each run of this file issues its own.
 */
function oldMonth(): { periodStart: string; periodEnd: string; day: (n: number) => string } {
  const year = randomInt(1100, 2000);
  const month = randomInt(0, 12);
  const start = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(year, month + 1, 0));
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return {
    periodStart: iso(start),
    periodEnd: iso(end),
    day: (n) => iso(new Date(Date.UTC(year, month, n))),
  };
}

describe('billing statements', () => {
  let testApp: Awaited<ReturnType<typeof startTestAppWithMail>>;
  let db: DataSource;
  let billing: Staff;

  beforeAll(async () => {
    testApp = await startTestAppWithMail({ PUBLIC_URL, STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    billing = await signedInStaff(testApp, ['billing']);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const statementsOf = async (
    patientId: string,
    from: { get(path: string): Promise<{ status: number; body: Body | null }> },
  ) => {
    const answer = await from.get(`${patientBillingOf(patientId)}/statements`);
    expect(answer.status).toBe(200);
    return answer.body!.items as Body[];
  };
  const statementCount = async (patientId: string, periodStart: string) =>
    Number(
      (
        (await db.query(
          `SELECT count(*) AS n FROM statement s JOIN billing_account a ON a.id = s.account_id
            WHERE a.patient_id = $1 AND s.period_start = $2`,
          [patientId, periodStart],
        )) as { n: string }[]
      )[0]!.n,
    );

  it('previews, then issues each account one frozen statement, an email without amounts and a PDF', async () => {
    const period = oldMonth();
    const a = await signedInPatient(testApp);
    const b = await signedInPatient(testApp);
    const charge = await postCharge(billing, a.patient.id, { serviceDate: period.day(3) });
    await postInsurance(billing, a.patient.id, charge.id, 9000, 0, period.day(20));
    await postCharge(billing, b.patient.id, { serviceDate: period.day(5), amountMinor: 4000 });
    // After the period: not on its statement.
    await postCharge(billing, b.patient.id, { serviceDate: '2026-01-05', amountMinor: 999 });

    const preview = await billing.get(
      `/api/v1/billing/statement-runs/preview?periodStart=${period.periodStart}&periodEnd=${period.periodEnd}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body!.accounts).toBeGreaterThanOrEqual(2);
    expect(preview.body!.totalDue.amountMinor).toBeGreaterThanOrEqual(6000 + 4000);

    const issued = await billing.post('/api/v1/billing/statement-runs', {
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
    });
    expect(issued.status).toBe(202);
    expect(issued.body).toMatchObject({ created: true, accounts: preview.body!.accounts });
    await waitFor(async () => (await statementCount(b.patient.id, period.periodStart)) === 1);
    await waitFor(async () => (await statementCount(a.patient.id, period.periodStart)) === 1);

    // Asked again, and the batch job delivered again: the same run, nothing new.
    const again = await billing.post('/api/v1/billing/statement-runs', {
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
    });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: issued.body!.id, created: false });
    const [account] = (await db.query(`SELECT id FROM billing_account WHERE patient_id = $1`, [
      a.patient.id,
    ])) as {
      id: string;
    }[];
    await testApp.app
      .get(IssueStatementsJob)
      .handle({ runId: issued.body!.id, accountIds: [account!.id] });
    expect(await statementCount(a.patient.id, period.periodStart)).toBe(1);
    const after = await billing.get(
      `/api/v1/billing/statement-runs/preview?periodStart=${period.periodStart}&periodEnd=${period.periodEnd}`,
    );
    expect(after.body!.alreadyIssued).toBe(issued.body!.accounts);

    const [statement] = await statementsOf(a.patient.id, a);
    expect(statement).toMatchObject({
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      previousBalance: { amountMinor: 0, currency: 'USD' },
      newCharges: { amountMinor: 15000 },
      insuranceCredits: { amountMinor: 9000 },
      patientCredits: { amountMinor: 0 },
      balance: { amountMinor: 6000 },
    });
    const [other] = await statementsOf(b.patient.id, billing);
    expect(other!.balance.amountMinor).toBe(4000);

    // One email each: ready, a link to the billing page, no amounts or services or code.
    const mail = readMail(await testApp.smtp.mailTo(a.patient.email!));
    expect(mail.subject).toBe(`Your statement from ${testApp.config.clinicName} is ready`);
    expect(mail.text).toContain(`${PUBLIC_URL}/billing`);
    for (const secret of ['150', '90.00', '60.00', '$', 'Office visit', statement!.code]) {
      expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
    }
    expect(testApp.smtp.received.filter((m) => m.to.includes(a.patient.email!))).toHaveLength(1);

    // The snapshot does not change, even when the ledger later does.
    await posted(billing, `${billingOf(a.patient.id)}/entries/${charge.id}/reversal`, {
      reason: 'Wrong patient',
    });
    expect((await statementsOf(a.patient.id, a))[0]!.balance.amountMinor).toBe(6000);
    await expect(
      db.query(`UPDATE statement SET balance = 0 WHERE id = $1`, [statement!.id]),
    ).rejects.toThrow(/append-only|permission denied/);

    // The PDF, for the patient and for billing staff; not for another patient.
    const cookie = (client: { cookies: Map<string, string> }) =>
      [...client.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const pdfPath = `${patientBillingOf(a.patient.id)}/statements/${statement!.id}/pdf`;
    for (const client of [a, billing]) {
      const pdf = await testApp.fetch(pdfPath, { headers: { cookie: cookie(client) } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toBe(
        `attachment; filename="statement-${statement!.code}.pdf"`,
      );
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
    expect((await b.get(pdfPath)).status).toBe(404);
    expect(
      (await b.get(`${patientBillingOf(b.patient.id)}/statements/${statement!.id}/pdf`)).status,
    ).toBe(404);
    const audited = (await db.query(
      `SELECT action FROM audit_event WHERE patient_id = $1 AND action LIKE 'billing.statement%'`,
      [a.patient.id],
    )) as { action: string }[];
    expect(audited.map((r) => r.action).sort()).toEqual(
      expect.arrayContaining([
        'billing.statement.issue',
        'billing.statement.pdf',
        'billing.statements.read',
      ]),
    );
  });

  it('refuses a period that has not ended, or ends before it starts, and anyone but billing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const open = await billing.post('/api/v1/billing/statement-runs', {
      periodStart: '2026-01-01',
      periodEnd: today,
    });
    expect([open.status, open.body!.code]).toEqual([422, 'statement_period_not_over']);
    const backwards = await billing.post('/api/v1/billing/statement-runs', {
      periodStart: '2025-02-01',
      periodEnd: '2025-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body!.errors.map((e: Body) => e.field)).toEqual(['periodEnd']);
    const desk = await signedInStaff(testApp, ['front-desk']);
    expect(
      (
        await desk.post('/api/v1/billing/statement-runs', {
          periodStart: '2025-01-01',
          periodEnd: '2025-01-31',
        })
      ).status,
    ).toBe(403);
    const patient = await signedInPatient(testApp);
    expect(
      (
        await patient.get(
          '/api/v1/billing/statement-runs/preview?periodStart=2025-01-01&periodEnd=2025-01-31',
        )
      ).status,
    ).toBe(403);
  });

  it('runs every month for the month before the clock’s, once however often it fires', async () => {
    const period = oldMonth();
    const patient = await signedInPatient(testApp);
    await postCharge(billing, patient.patient.id, { serviceDate: period.day(10) });
    const clock = testApp.app.get(Clock);
    // The clock on the 1st of the month after the period.
    const firstAfter = new Date(`${period.periodEnd}T06:00:00Z`).getTime() + 86_400_000;
    const offset = firstAfter - clock.now().getTime();
    expect(previousMonth(new Date(firstAfter))).toEqual({
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
    });
    clock.advance(offset);
    try {
      const job = testApp.app.get(MonthlyStatementsJob);
      await job.handle();
      await job.handle();
    } finally {
      clock.advance(-offset);
    }
    const runs = (await db.query(
      `SELECT scheduled FROM statement_run WHERE period_start = $1 AND period_end = $2`,
      [period.periodStart, period.periodEnd],
    )) as { scheduled: boolean }[];
    expect(runs).toEqual([{ scheduled: true }]);
    await waitFor(async () => (await statementCount(patient.patient.id, period.periodStart)) === 1);
  });
});
