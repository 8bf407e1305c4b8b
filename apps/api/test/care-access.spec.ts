import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { QUERY_COUNT_HEADER } from '../src/infra/database/query-count.js';
import type { StaffRole } from '../src/modules/accounts/account.entity.js';
import { createPatientAccount, TEST_PASSWORD } from './support/accounts.js';
import { assignLocation } from './support/care.js';
import { createClinic, type TestClinic } from './support/clinic.js';
import { newBrowser, signedInStaff } from './support/invitation-flow.js';
import { fieldsOf, signedInPatient } from './support/records-flow.js';
import { insertAppointment } from './support/scheduling-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;
const conditions = (patientId: string) => `/api/v1/patients/${patientId}/conditions`;
const emergency = (patientId: string) => `/api/v1/patients/${patientId}/emergency-access`;
const REASON = 'Seen in the walk-in clinic after a fall; checking allergies first.';

describe('minimum necessary access (care relationship, emergency access)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let clock: Clock;
  let clinicA: TestClinic;
  let clinicB: TestClinic;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
    firstVisitEnd = clock.now().getTime();
    [clinicA, clinicB] = await Promise.all([createClinic(db), createClinic(db)]);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  // Each visit of the suite at its own hour: the clinics' providers are never double booked.
  let visitsSoFar = 0;
  let firstVisitEnd = 0;

  /** A patient with a visit at the clinic (any number of them), so tied to its location. */
  async function patientSeenAt(clinic: TestClinic, visits = 1) {
    const { patient } = await createPatientAccount(testApp);
    for (let i = 0; i < visits; i += 1) {
      visitsSoFar += 1;
      const startsAt = new Date(firstVisitEnd - visitsSoFar * HOUR);
      await insertAppointment(db, {
        patientId: patient.id,
        providerId: clinic.provider.id,
        locationId: clinic.location.id,
        visitTypeId: clinic.visitType.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR / 2),
        status: 'completed',
      });
    }
    return patient;
  }

  async function staffAt(roles: StaffRole[], clinic: TestClinic | null) {
    const staff = await signedInStaff(testApp, roles);
    if (clinic) await assignLocation(db, staff.account.id, clinic.location.id);
    return staff;
  }

  async function refusals(accountId: string, patientId: string) {
    return (await db.query(
      `SELECT action, outcome, reason, route FROM audit_event
        WHERE actor_account_id = $1 AND patient_id = $2 AND outcome <> 'success'`,
      [accountId, patientId],
    )) as { action: string; outcome: string; reason: string; route: string }[];
  }

  describe('the care relationship', () => {
    it('lets clinical staff reach the patients of their own locations, and refuses others with a code that points to emergency access', async () => {
      const patient = await patientSeenAt(clinicA);
      const [nurseA, nurseB] = await Promise.all([
        staffAt(['nurse'], clinicA),
        staffAt(['nurse'], clinicB),
      ]);
      expect((await nurseA.get(conditions(patient.id))).status).toBe(200);

      const refused = await nurseB.get(conditions(patient.id));
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 403, code: 'care_relationship_required' });
      expect(refused.body!.detail).toMatch(/emergency access/i);
      // Writes and results are clinical too.
      const write = await nurseB.post(conditions(patient.id), { code: 'I10' });
      expect(write.body?.code).toBe('care_relationship_required');
      const results = await nurseB.get(`/api/v1/patients/${patient.id}/results`);
      expect(results.body?.code).toBe('care_relationship_required');

      expect(await refusals(nurseB.account.id, patient.id)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'api.listConditions',
            outcome: 'denied',
            reason: 'care_relationship_required',
            route: 'GET /api/v1/patients/:patientId/conditions',
          }),
        ]),
      );
      expect(await refusals(nurseA.account.id, patient.id)).toEqual([]);
    });

    it('keeps demographics and appointments to the role alone (front desk, billing, any nurse)', async () => {
      const patient = await patientSeenAt(clinicA);
      const [frontDesk, billing, nurseB] = await Promise.all([
        staffAt(['front-desk'], null),
        staffAt(['billing'], null),
        staffAt(['nurse'], clinicB),
      ]);
      expect((await frontDesk.get(`/api/v1/patients/${patient.id}`)).status).toBe(200);
      expect((await billing.get(`/api/v1/patients/${patient.id}`)).status).toBe(200);
      expect((await nurseB.get(`/api/v1/patients/${patient.id}`)).status).toBe(200);
      expect((await frontDesk.get(`/api/v1/patients/${patient.id}/appointments`)).status).toBe(200);
    });

    it('lets everyone clinical reach a patient tied to no location yet, and staff with no location reach only those', async () => {
      const { patient: newcomer } = await createPatientAccount(testApp);
      const seen = await patientSeenAt(clinicA);
      const [unplaced, admin] = await Promise.all([
        staffAt(['nurse'], null),
        staffAt(['admin'], null),
      ]);
      expect((await unplaced.get(conditions(newcomer.id))).status).toBe(200);
      expect((await unplaced.get(conditions(seen.id))).body?.code).toBe(
        'care_relationship_required',
      );
      // Administrators read clinical data through the same rule.
      expect((await admin.get(conditions(newcomer.id))).status).toBe(200);
      expect((await admin.get(conditions(seen.id))).body?.code).toBe('care_relationship_required');
      // A cancelled booking still ties the patient to the location.
      const { patient: cancelled } = await createPatientAccount(testApp);
      await insertAppointment(db, {
        patientId: cancelled.id,
        providerId: clinicB.provider.id,
        locationId: clinicB.location.id,
        visitTypeId: clinicB.visitType.id,
        startsAt: new Date(clock.now().getTime() + 48 * HOUR),
        endsAt: new Date(clock.now().getTime() + 48.5 * HOUR),
        status: 'cancelled',
      });
      expect((await unplaced.get(conditions(cancelled.id))).status).toBe(403);
    });

    it('lets a provider reach patients where their provider profile practises, without an assignment', async () => {
      const patient = await patientSeenAt(clinicA);
      const provider = await staffAt(['provider'], null);
      expect((await provider.get(conditions(patient.id))).status).toBe(403);
      const clinic = await createClinic(db);
      await db.query(`UPDATE provider SET account_id = $1 WHERE id = $2`, [
        provider.account.id,
        clinic.provider.id,
      ]);
      // Weekly hours at location A make it one of the provider's locations.
      await db.query(
        `INSERT INTO availability_rule (id, provider_id, location_id, weekday, start_time, end_time, valid_from, valid_until, created_at)
         VALUES (gen_random_uuid(), $1, $2, 1, '07:00', '07:30', current_date - 2, NULL, now())`,
        [clinic.provider.id, clinicA.location.id],
      );
      expect((await provider.get(conditions(patient.id))).status).toBe(200);
    });

    it('costs the same number of queries however many visits and locations', async () => {
      const few = await patientSeenAt(clinicA, 1);
      const many = await patientSeenAt(clinicA, 25);
      const nurse = await staffAt(['nurse'], clinicA);
      for (let i = 0; i < 5; i += 1) {
        await assignLocation(db, nurse.account.id, (await createClinic(db)).location.id);
      }
      const count = async (patientId: string) => {
        const response = await nurse.get(conditions(patientId));
        expect(response.status).toBe(200);
        return Number(response.headers.get(QUERY_COUNT_HEADER));
      };
      const single = await count(few.id);
      expect(single).toBeGreaterThan(0);
      expect(await count(many.id)).toBe(single);
    });

    it('still answers 404 to a patient naming another patient', async () => {
      const { browser } = await signedInPatient(testApp);
      const other = await patientSeenAt(clinicA);
      expect((await browser.get(conditions(other.id))).status).toBe(404);
      expect((await browser.post(emergency(other.id), { reason: REASON })).status).toBe(404);
    });
  });

  describe('staff locations', () => {
    it('are set and read by administrators through the staff API', async () => {
      const admin = await staffAt(['admin'], null);
      const nurse = await staffAt(['nurse'], null);
      const patient = await patientSeenAt(clinicB);
      expect((await nurse.get(conditions(patient.id))).status).toBe(403);

      const path = `/api/v1/staff/${nurse.account.id}/locations`;
      const set = await admin.request('PUT', path, { locationIds: [clinicB.location.id] });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        assigned: [{ id: clinicB.location.id, name: clinicB.location.name }],
        practice: [],
      });
      expect((await admin.get(path)).body).toEqual(set.body);
      expect((await nurse.get(conditions(patient.id))).status).toBe(200);

      const unknown = await admin.request('PUT', path, {
        locationIds: ['0190a0a0-0000-7000-8000-000000000000'],
      });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown.body)).toEqual(['locationIds']);
      expect((await admin.request('PUT', path, { locationIds: [] })).body).toEqual({
        assigned: [],
        practice: [],
      });
      const notStaff = await createPatientAccount(testApp);
      expect((await admin.get(`/api/v1/staff/${notStaff.account.id}/locations`)).status).toBe(404);
      expect((await nurse.get(path)).status).toBe(403);
    });
  });

  describe('breaking the glass', () => {
    it('refuses a reason that is missing, too short or too long, and a patient that does not exist', async () => {
      const nurse = await staffAt(['nurse'], clinicB);
      const patient = await patientSeenAt(clinicA);
      for (const body of [{}, { reason: '  too short ' }, { reason: 'x'.repeat(501) }]) {
        const response = await nurse.post(emergency(patient.id), body);
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual(['reason']);
      }
      expect(
        (await nurse.post(emergency(patient.id), { reason: REASON, extra: true })).status,
      ).toBe(400);
      const missing = await nurse.post(emergency('0190a0a0-0000-7000-8000-000000000001'), {
        reason: REASON,
      });
      expect(missing.status).toBe(404);
      // Not a clinical role: no emergency access either.
      const frontDesk = await staffAt(['front-desk'], null);
      expect((await frontDesk.post(emergency(patient.id), { reason: REASON })).status).toBe(403);
      expect(
        await db.query(`SELECT 1 FROM emergency_access WHERE patient_id = $1`, [patient.id]),
      ).toEqual([]);
    });

    it('grants a time-limited access that is audited, listed for review, and ends by the clock', async () => {
      const patient = await patientSeenAt(clinicA);
      const { browser: patientBrowser } = await signInAs(patient.id);
      const admin = await staffAt(['admin'], null);
      let nurse = await staffAt(['nurse'], clinicB);
      expect((await nurse.get(conditions(patient.id))).status).toBe(403);

      const granted = await nurse.post(emergency(patient.id), { reason: `  ${REASON}  ` });
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({ patientId: patient.id, reason: REASON });
      const grantedAt = new Date(granted.body!.grantedAt as string).getTime();
      expect(new Date(granted.body!.expiresAt as string).getTime() - grantedAt).toBe(4 * HOUR);
      expect(testApp.config.emergencyAccessMinutes).toBe(240);

      expect((await nurse.get(conditions(patient.id))).status).toBe(200);
      const trail = (await db.query(
        `SELECT action, outcome, resource_id, reason FROM audit_event
          WHERE actor_account_id = $1 AND patient_id = $2 ORDER BY occurred_at, seq`,
        [nurse.account.id, patient.id],
      )) as { action: string; outcome: string; resource_id: string | null }[];
      expect(trail.map((row) => `${row.action} ${row.outcome}`)).toEqual([
        'api.listConditions denied',
        'emergency-access.grant success',
        'condition.list success',
      ]);
      expect(trail[1]!.resource_id).toBe(granted.body!.id);
      // The reason may hold health information: it is never in the trail.
      expect(JSON.stringify(trail)).not.toContain('walk-in');

      // The patient reads it in plain words.
      const log = await patientBrowser.get(`/api/v1/patients/${patient.id}/access-log`);
      expect(log.body!.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'emergency-access.grant',
            description: 'Used emergency access to your record',
          }),
        ]),
      );

      // The administrator's review list.
      const listed = await admin.get(`/api/v1/emergency-access?patientId=${patient.id}`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        items: [
          {
            id: granted.body!.id,
            staff: {
              accountId: nurse.account.id,
              displayName: nurse.account.displayName,
              username: nurse.username,
            },
            patient: {
              id: patient.id,
              name: expect.stringContaining('Patient-'),
              mrn: expect.any(String),
            },
            reason: REASON,
            grantedAt: granted.body!.grantedAt,
            expiresAt: granted.body!.expiresAt,
            active: true,
            review: null,
          },
        ],
        nextCursor: null,
      });

      // Just before the end it still works; just after, it is refused again.
      clock.advance(4 * HOUR - 60_000);
      nurse = await signInAgain(nurse);
      expect((await nurse.get(conditions(patient.id))).status).toBe(200);
      clock.advance(2 * 60_000);
      const after = await nurse.get(conditions(patient.id));
      expect(after.body?.code).toBe('care_relationship_required');
      const reviewer = await staffAt(['admin'], null);
      const ended = await reviewer.get(`/api/v1/emergency-access?patientId=${patient.id}`);
      expect(ended.body!.items[0]).toMatchObject({ active: false, review: null });
    });

    it('lists grants newest first, filtered and paged, and takes one review mark', async () => {
      const patient = await patientSeenAt(clinicA);
      const [nurse, otherNurse, admin] = await Promise.all([
        staffAt(['nurse'], clinicB),
        staffAt(['nurse'], null),
        staffAt(['admin'], null),
      ]);
      const first = await nurse.post(emergency(patient.id), { reason: REASON });
      clock.advance(1_000);
      const second = await otherNurse.post(emergency(patient.id), { reason: REASON });
      const list = (query: string) =>
        admin.get(`/api/v1/emergency-access?patientId=${patient.id}&${query}`);

      const page1 = await list('limit=1');
      expect(page1.body!.items.map((item: { id: string }) => item.id)).toEqual([second.body!.id]);
      const page2 = await list(`limit=1&cursor=${page1.body!.nextCursor}`);
      expect(page2.body!.items.map((item: { id: string }) => item.id)).toEqual([first.body!.id]);
      expect(page2.body!.nextCursor).toBeNull();
      const byStaff = await list(`staffAccountId=${nurse.account.id}`);
      expect(byStaff.body!.items).toHaveLength(1);
      const since = encodeURIComponent(second.body!.grantedAt as string);
      expect((await list(`from=${since}`)).body!.items).toHaveLength(1);
      expect((await list(`to=${since}`)).body!.items).toHaveLength(1);
      expect((await list('cursor=nonsense')).status).toBe(400);
      expect((await list(`from=${since}&to=${since}`)).status).toBe(400);
      expect((await nurse.get('/api/v1/emergency-access')).status).toBe(403);

      const reviewed = await admin.post(`/api/v1/emergency-access/${first.body!.id}/review`);
      expect(reviewed.status).toBe(200);
      expect(reviewed.body!.review).toMatchObject({
        accountId: admin.account.id,
        displayName: admin.account.displayName,
      });
      expect((await admin.post(`/api/v1/emergency-access/${first.body!.id}/review`)).status).toBe(
        409,
      );
      expect((await list('reviewed=false')).body!.items).toHaveLength(1);
      expect((await list('reviewed=true')).body!.items[0].id).toBe(first.body!.id);
      expect(
        (await admin.post('/api/v1/emergency-access/0190a0a0-0000-7000-8000-000000000002/review'))
          .status,
      ).toBe(404);
    });
  });

  async function signInAs(patientId: string) {
    const [row] = (await db.query(`SELECT username FROM account WHERE patient_id = $1`, [
      patientId,
    ])) as { username: string }[];
    const browser = newBrowser(testApp);
    expect((await browser.login(row!.username, TEST_PASSWORD)).status).toBe(200);
    return { browser };
  }

  /** The session of a staff member, renewed after the clock moved past its idle limit. */
  async function signInAgain(staff: Awaited<ReturnType<typeof signedInStaff>>) {
    const browser = newBrowser(testApp);
    expect((await browser.login(staff.username, TEST_PASSWORD)).status).toBe(200);
    return Object.assign(browser, { username: staff.username, account: staff.account });
  }
});
