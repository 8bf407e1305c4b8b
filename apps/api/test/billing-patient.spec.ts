import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BillingService } from '../src/modules/billing/billing.service.js';
import { signedInPatient } from './support/appointment-flow.js';
import {
  billingOf,
  patientBillingOf,
  postCharge,
  postInsurance,
  posted,
} from './support/billing.js';
import { signedInStaff } from './support/invitation-flow.js';
import {
  createLocation,
  createProvider,
  createVisitType,
  insertAppointment,
} from './support/scheduling-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

describe('a patient’s bills', () => {
  let testApp: TestApp;
  let db: DataSource;
  let billing: Staff;
  let visit: { locationId: string; providerId: string; visitTypeId: string };

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    billing = await signedInStaff(testApp, ['billing']);
    const admin = await signedInStaff(testApp, ['admin']);
    const location = await createLocation(admin);
    const visitType = await createVisitType(admin);
    const provider = await createProvider(admin, [visitType.id as string]);
    visit = {
      locationId: location.id as string,
      providerId: provider.id as string,
      visitTypeId: visitType.id as string,
    };
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const auditActions = async (patientId: string) =>
    (
      (await db.query(
        `SELECT action FROM audit_event WHERE patient_id = $1 AND action LIKE 'billing.%' ORDER BY seq NULLS LAST, occurred_at`,
        [patientId],
      )) as { action: string }[]
    ).map((row) => row.action);

  it('shows what is owed, each visit’s charges in plain words and the payments, and audits each look', async () => {
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const startsAt = new Date('2026-03-02T15:00:00Z');
    const appointmentId = await insertAppointment(db, {
      patientId: id,
      ...visit,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      status: 'completed',
    });
    const office = await postCharge(billing, id, { appointmentId, serviceDate: '2026-03-02' });
    const lab = await postCharge(billing, id, {
      appointmentId,
      serviceDate: '2026-03-02',
      procedureCode: 'LAB-LIPID',
      description: 'Cholesterol blood test',
      amountMinor: 6000,
    });
    await postInsurance(billing, id, office.id, 9000, 2500);
    await postInsurance(billing, id, lab.id, 4000, 0);
    await testApp.app.get(BillingService).post(
      id,
      [
        {
          kind: 'patient-payment',
          amount: 1000,
          effectiveDate: '2026-04-01',
          chargeId: office.id,
        },
      ],
      null,
    );

    const summary = await patient.get(`${patientBillingOf(id)}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.headers.get('cache-control')).toMatch(/no-store/);
    expect(summary.body).toEqual({
      balance: { amountMinor: 4500, currency: 'USD' },
      amountDue: { amountMinor: 4500, currency: 'USD' },
      dueBy: null,
      text: 'You owe $45.00.',
      latestStatementCode: null,
    });

    const charges = await patient.get(`${patientBillingOf(id)}/charges`);
    expect(charges.status).toBe(200);
    const office_ = charges.body!.items.find((c: Body) => c.id === office.id);
    expect(office_).toMatchObject({
      serviceDate: '2026-03-02',
      description: 'Office visit, established patient',
      visit: { appointmentId, visitType: expect.any(String), provider: expect.any(String) },
      charged: { amountMinor: 15000 },
      insurancePaid: { amountMinor: 9000 },
      insuranceAdjusted: { amountMinor: 2500 },
      youPaid: { amountMinor: 1000 },
      youOwe: { amountMinor: 2500 },
      text: 'Office visit, established patient on 2026-03-02: $150.00. Insurance paid $90.00. Insurance took off $25.00. You paid $10.00. You owe $25.00.',
    });
    const labView = charges.body!.items.find((c: Body) => c.id === lab.id);
    expect(labView).toMatchObject({
      youOwe: { amountMinor: 2000 },
      description: 'Cholesterol blood test',
    });

    const payments = await patient.get(`${patientBillingOf(id)}/payments`);
    expect(payments.body!.items).toEqual([
      expect.objectContaining({
        kind: 'patient-payment',
        date: '2026-04-01',
        amount: { amountMinor: 1000, currency: 'USD' },
        reversed: false,
      }),
    ]);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining([
        'billing.summary.read',
        'billing.charges.read',
        'billing.payments.read',
        'billing.charge.post',
        'billing.patient-payment.post',
      ]),
    );

    // A reversed charge drops out of the itemized list; the ledger keeps it.
    await posted(billing, `${billingOf(id)}/entries/${lab.id}/reversal`, {
      reason: 'Billed twice',
    });
    const after = await patient.get(`${patientBillingOf(id)}/charges`);
    expect(after.body!.items.map((c: Body) => c.id)).toEqual([office.id]);
  });

  it('pages the charges by service date', async () => {
    const patient = await signedInPatient(testApp);
    for (const day of ['2026-01-05', '2026-02-05', '2026-03-05']) {
      await postCharge(billing, patient.patient.id, { serviceDate: day });
    }
    const first = await patient.get(`${patientBillingOf(patient.patient.id)}/charges?limit=2`);
    expect(first.body!.items.map((c: Body) => c.serviceDate)).toEqual(['2026-03-05', '2026-02-05']);
    const second = await patient.get(
      `${patientBillingOf(patient.patient.id)}/charges?limit=2&cursor=${first.body!.nextCursor}`,
    );
    expect(second.body!.items.map((c: Body) => c.serviceDate)).toEqual(['2026-01-05']);
    expect(second.body!.nextCursor).toBeNull();
  });

  it('shows a patient only their own bills; billing staff see any, the front desk none', async () => {
    const owner = await signedInPatient(testApp);
    const other = await signedInPatient(testApp);
    await postCharge(billing, owner.patient.id);
    for (const part of ['summary', 'charges', 'payments']) {
      const foreign = await other.get(`${patientBillingOf(owner.patient.id)}/${part}`);
      expect([part, foreign.status]).toEqual([part, 404]);
      const staff = await billing.get(`${patientBillingOf(owner.patient.id)}/${part}`);
      expect([part, staff.status]).toEqual([part, 200]);
    }
    const desk = await signedInStaff(testApp, ['front-desk']);
    expect((await desk.get(`${patientBillingOf(owner.patient.id)}/summary`)).status).toBe(403);
    // The refused look is in the trail.
    const refused = (await db.query(
      `SELECT outcome, reason FROM audit_event WHERE patient_id = $1 AND actor_account_id = $2`,
      [
        owner.patient.id,
        (await db.query(`SELECT id FROM account WHERE username = $1`, [other.username]))[0].id,
      ],
    )) as { outcome: string; reason: string }[];
    expect(refused).toContainEqual({ outcome: 'denied', reason: 'not_own_patient' });
    // A patient with no account yet owes nothing.
    const fresh = await signedInPatient(testApp);
    const none = await fresh.get(`${patientBillingOf(fresh.patient.id)}/summary`);
    expect(none.body).toMatchObject({
      amountDue: { amountMinor: 0 },
      text: 'You owe nothing right now.',
    });
  });
});
