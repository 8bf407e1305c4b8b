import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { newId } from '../../src/infra/database/ids.js';
import type { StaffRole } from '../../src/modules/accounts/account.entity.js';
import { createPatientAccount, createStaffAccount, TEST_PASSWORD } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Row {
  occurred_at: Date;
  actor_account_id: string | null;
  actor_kind: string | null;
  patient_id: string | null;
  action: string;
  outcome: string;
  reason: string | null;
  route: string | null;
  ip: string | null;
  resource_id: string | null;
}

/**
 * Refused and failed accesses leave a row in the audit trail, recorded once, at the door:
 * who, which patient, what (operation and route pattern), outcome, why, IP, when.
 */
describe('audit of denied and failed accesses', () => {
  let testApp: TestApp;
  let db: DataSource;
  let ip = 0;
  const nextIp = () => `10.203.${process.pid % 250}.${++ip % 250}`;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await testApp?.close();
  });

  async function signedInPatient() {
    const patient = await createPatientAccount(testApp);
    const address = nextIp();
    const browser = new BrowserClient(testApp, address);
    expect((await browser.login(patient.username, TEST_PASSWORD)).status).toBe(200);
    return { ...patient, browser, ip: address };
  }

  async function signedInStaff(roles: StaffRole[]) {
    const staff = await createStaffAccount(testApp, roles);
    const address = nextIp();
    const browser = new BrowserClient(testApp, address);
    expect((await browser.login(staff.username, TEST_PASSWORD)).status).toBe(200);
    return { ...staff, browser, ip: address };
  }

  /** What this account did besides signing in, oldest first. */
  async function rowsBy(accountId: string): Promise<Row[]> {
    return db.query(
      `SELECT occurred_at, actor_account_id, actor_kind, patient_id, action, outcome, reason,
              route, ip, resource_id
         FROM audit_event
        WHERE actor_account_id = $1 AND NOT starts_with(action, 'auth.')
        ORDER BY seq`,
      [accountId],
    );
  }

  it("records a patient's refused read of another patient's record (answered 404)", async () => {
    const before = new Date(Date.now() - 60_000);
    const alice = await signedInPatient();
    const { patient: bob } = await createPatientAccount(testApp);

    const response = await alice.browser.get(`/api/v1/patients/${bob.id}`);
    expect(response.status).toBe(404);
    const records = await alice.browser.get(`/api/v1/patients/${bob.id}/conditions`);
    expect(records.status).toBe(404);

    const rows = await rowsBy(alice.account.id);
    expect(rows).toEqual([
      {
        occurred_at: expect.any(Date),
        actor_account_id: alice.account.id,
        actor_kind: 'patient',
        patient_id: bob.id,
        action: 'api.getPatient',
        outcome: 'denied',
        reason: 'not_own_patient',
        route: 'GET /api/v1/patients/:patientId',
        ip: alice.ip,
        resource_id: null,
      },
      expect.objectContaining({
        patient_id: bob.id,
        action: 'api.listConditions',
        outcome: 'denied',
        reason: 'not_own_patient',
        route: 'GET /api/v1/patients/:patientId/conditions',
      }),
    ]);
    expect(rows[0]!.occurred_at.getTime()).toBeGreaterThan(before.getTime());
  });

  it('records a role refusal (403) on patient-scoped and other routes', async () => {
    const desk = await signedInStaff(['front-desk']);
    const { patient } = await createPatientAccount(testApp);
    const results = await desk.browser.get(`/api/v1/patients/${patient.id}/results/${newId()}`);
    expect(results.status).toBe(403);
    const trail = await desk.browser.get('/api/v1/audit-events');
    expect(trail.status).toBe(403);

    expect(await rowsBy(desk.account.id)).toEqual([
      expect.objectContaining({
        actor_kind: 'staff',
        patient_id: patient.id,
        action: 'api.getResult',
        outcome: 'denied',
        reason: 'role',
        route: 'GET /api/v1/patients/:patientId/results/:reportId',
        ip: desk.ip,
      }),
      expect.objectContaining({
        patient_id: null,
        action: 'api.listAuditEvents',
        outcome: 'denied',
        reason: 'role',
        route: 'GET /api/v1/audit-events',
      }),
    ]);
  });

  it('records a failed read (404 from the module) once, with the patient', async () => {
    const me = await signedInPatient();
    const missing = newId();
    expect(
      (await me.browser.get(`/api/v1/patients/${me.patient.id}/results/${missing}`)).status,
    ).toBe(404);
    const admin = await signedInStaff(['admin']);
    const nobody = newId();
    expect((await admin.browser.get(`/api/v1/patients/${nobody}`)).status).toBe(404);
    expect((await admin.browser.get(`/api/v1/patients/not-a-uuid`)).status).toBe(404);

    expect(await rowsBy(me.account.id)).toEqual([
      expect.objectContaining({
        patient_id: me.patient.id,
        action: 'api.getResult',
        outcome: 'failure',
        reason: 'not_found',
        route: 'GET /api/v1/patients/:patientId/results/:reportId',
      }),
    ]);
    expect(await rowsBy(admin.account.id)).toEqual([
      expect.objectContaining({
        patient_id: nobody,
        action: 'api.getPatient',
        outcome: 'failure',
        reason: 'not_found',
      }),
      expect.objectContaining({ patient_id: null, outcome: 'failure', reason: 'not_found' }),
    ]);
  });

  it('does not record a refused change twice (the module already records it)', async () => {
    const provider = await signedInStaff(['provider']);
    const { patient } = await createPatientAccount(testApp);
    const response = await provider.browser.request(
      'PATCH',
      `/api/v1/patients/${patient.id}/conditions/${newId()}`,
      { version: 1, clinicalStatus: 'resolved' },
    );
    expect(response.status).toBe(404);
    const rows = await rowsBy(provider.account.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'failure', patient_id: patient.id });
    expect(rows[0]!.reason).toMatch(/not_found/);
  });

  it('lets administrators list denied and failed events, and checks the outcome filter', async () => {
    const admin = await signedInStaff(['admin']);
    const alice = await signedInPatient();
    const { patient: bob } = await createPatientAccount(testApp);
    await alice.browser.get(`/api/v1/patients/${bob.id}`);
    await alice.browser.get(`/api/v1/patients/${alice.patient.id}/results/${newId()}`);

    const list = async (outcome: string) => {
      const response = await admin.browser.get(
        `/api/v1/audit-events?actorAccountId=${alice.account.id}&outcome=${outcome}&action=api.`,
      );
      expect(response.status).toBe(200);
      return response.body!.items as Record<string, unknown>[];
    };
    expect(await list('denied')).toEqual([
      expect.objectContaining({
        action: 'api.getPatient',
        outcome: 'denied',
        reason: 'not_own_patient',
        route: 'GET /api/v1/patients/:patientId',
        patientId: bob.id,
        ip: alice.ip,
      }),
    ]);
    expect(await list('failure')).toEqual([
      expect.objectContaining({ action: 'api.getResult', reason: 'not_found' }),
    ]);
    expect(await list('success')).toEqual([]);
    for (const bad of ['failed', 'DENIED', '', 'x'.repeat(500)]) {
      const response = await admin.browser.get(`/api/v1/audit-events?outcome=${bad}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ field: 'outcome' })],
      });
    }
  });

  it("keeps denied attempts out of the patient's own access log", async () => {
    const me = await signedInPatient();
    const desk = await signedInStaff(['front-desk']);
    const other = await signedInPatient();
    expect((await desk.browser.get(`/api/v1/patients/${me.patient.id}/conditions`)).status).toBe(
      403,
    );
    expect((await other.browser.get(`/api/v1/patients/${me.patient.id}`)).status).toBe(404);
    const nurse = await signedInStaff(['nurse']);
    expect((await nurse.browser.get(`/api/v1/patients/${me.patient.id}`)).status).toBe(200);

    const log = await me.browser.get(`/api/v1/patients/${me.patient.id}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body!.items).toEqual([
      expect.objectContaining({ staffName: nurse.account.displayName, action: 'patient.read' }),
    ]);
  });
});
