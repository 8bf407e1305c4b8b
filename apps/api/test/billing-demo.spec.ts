import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DemoSeedService } from '../src/modules/demo/demo-seed.service.js';
import { newBrowser } from './support/invitation-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the demo patients’ bills', () => {
  let testApp: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    await testApp.app.get(DemoSeedService).seed();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('gives each demo patient a year of visits, insurance, a payment, two statements and a balance due', async () => {
    const entries = async () =>
      Number(
        ((await db.query(`SELECT count(*) AS n FROM journal_entry`)) as { n: string }[])[0]!.n,
      );
    const before = await entries();
    await testApp.app.get(DemoSeedService).seed(); // idempotent: a second run posts nothing
    expect(await entries()).toBe(before);

    for (const username of ['alex.demo', 'jordan.demo']) {
      const patient = newBrowser(testApp);
      const login = await patient.login(username, DEMO_PASSWORD);
      expect(login.status).toBe(200);
      const session = await patient.get('/api/v1/auth/session');
      const patientId = session.body!.user.patientId as string;
      const base = `/api/v1/patients/${patientId}/billing`;

      const summary = await patient.get(`${base}/summary`);
      expect(summary.body!.amountDue.amountMinor).toBeGreaterThan(0);
      expect(summary.body!.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(summary.body!.latestStatementCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

      const charges = await patient.get(`${base}/charges?limit=100`);
      const items = charges.body!.items as Body[];
      const days = items.map((c) => Date.parse(c.serviceDate));
      expect(Math.max(...days) - Math.min(...days)).toBeGreaterThan(300 * 86_400_000);
      expect(items.some((c) => c.visit !== null)).toBe(true);
      expect(
        items.some((c) => c.insurancePaid.amountMinor > 0 && c.insuranceAdjusted.amountMinor > 0),
      ).toBe(true);

      const payments = await patient.get(`${base}/payments`);
      expect(payments.body!.items).toEqual([
        expect.objectContaining({ kind: 'patient-payment', reversed: false }),
      ]);

      const statements = await patient.get(`${base}/statements`);
      expect(statements.body!.items).toHaveLength(2);
      const [latest, earlier] = statements.body!.items as Body[];
      expect(latest!.periodStart > earlier!.periodEnd).toBe(true);
      expect(latest!.code).toBe(summary.body!.latestStatementCode);
    }
  });
});
