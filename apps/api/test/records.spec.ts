import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QUERY_COUNT_HEADER } from '../src/infra/database/query-count.js';
import type { BrowserClient } from './support/browser-client.js';
import { assignLocation } from './support/care.js';
import { createClinic } from './support/clinic.js';
import { signedInStaff } from './support/invitation-flow.js';
import {
  daysFromToday,
  fieldsOf,
  messageFor,
  patch,
  RECORD_KINDS,
  signedInPatient,
} from './support/records-flow.js';
import { insertAppointment } from './support/scheduling-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Staff = Awaited<ReturnType<typeof signedInStaff>>;
type Item = Record<string, unknown> & { id: string; version: number };

describe('health records: conditions, allergies, immunizations, visit summaries, care plans', () => {
  let testApp: TestApp;
  let db: DataSource;
  let nurse: Staff;
  let provider: Staff;
  let admin: Staff;
  let frontDesk: Staff;
  let billing: Staff;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    [nurse, provider, admin, frontDesk, billing] = await Promise.all([
      signedInStaff(testApp, ['nurse']),
      signedInStaff(testApp, ['provider']),
      signedInStaff(testApp, ['admin']),
      signedInStaff(testApp, ['front-desk']),
      signedInStaff(testApp, ['billing']),
    ]);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const base = (patientId: string, path: string) => `/api/v1/patients/${patientId}/${path}`;

  const auditActions = async (patientId: string, resourceType: string): Promise<string[]> =>
    (
      (await db.query(
        `SELECT action, outcome FROM audit_event
          WHERE patient_id = $1 AND resource_type = $2 ORDER BY occurred_at, id`,
        [patientId, resourceType],
      )) as { action: string; outcome: string }[]
    ).map((row) => `${row.action}:${row.outcome}`);

  const countRows = async (table: string, patientId: string): Promise<number> =>
    Number(
      (
        (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE patient_id = $1`, [
          patientId,
        ])) as { n: number }[]
      )[0]!.n,
    );

  async function create(client: BrowserClient, patientId: string, path: string, body: object) {
    const response = await client.post(base(patientId, path), body);
    expect(response.status).toBe(201);
    return response.body as Item;
  }

  describe.each(RECORD_KINDS)('$path', (kind) => {
    it('creates, lists, reads, corrects and keeps the history, auditing each step', async () => {
      const { patient } = await signedInPatient(testApp);
      const created = await create(nurse, patient.id, kind.path, kind.create);
      expect(created).toMatchObject({
        ...kind.created,
        patientId: patient.id,
        version: 1,
        corrected: false,
        recordedBy: { id: nurse.account.id, displayName: nurse.account.displayName },
      });
      expect(created.recordedAt).toEqual(created.updatedAt);

      const list = await provider.get(base(patient.id, kind.path));
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [created], nextCursor: null });

      const one = await admin.get(`${base(patient.id, kind.path)}/${created.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(created);

      const corrected = await patch(provider, `${base(patient.id, kind.path)}/${created.id}`, {
        version: 1,
        ...kind.correction,
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({
        ...kind.corrected,
        id: created.id,
        version: 2,
        corrected: true,
        recordedBy: { id: nurse.account.id },
        recordedAt: created.recordedAt,
      });

      const history = await nurse.get(`${base(patient.id, kind.path)}/${created.id}/history`);
      expect(history.status).toBe(200);
      expect(history.body!.items).toHaveLength(1);
      expect(history.body!.items[0]).toMatchObject({
        version: 1,
        changedBy: { id: provider.account.id, displayName: provider.account.displayName },
        reason: 'reason' in kind.correction ? kind.correction.reason : null,
        snapshot: created,
      });

      expect(await auditActions(patient.id, kind.resourceType)).toEqual([
        `${kind.action}.create:success`,
        `${kind.action}.list:success`,
        `${kind.action}.read:success`,
        `${kind.action}.update:success`,
        `${kind.action}.history:success`,
      ]);
    });

    it('refuses a stale correction with 409 and leaves the row as it was', async () => {
      const { patient } = await signedInPatient(testApp);
      const created = await create(nurse, patient.id, kind.path, kind.create);
      const path = `${base(patient.id, kind.path)}/${created.id}`;
      expect((await patch(nurse, path, { version: 1, ...kind.correction })).status).toBe(200);

      const stale = await patch(provider, path, { version: 1, ...kind.create });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'record_changed' });
      const after = await nurse.get(path);
      expect(after.body).toMatchObject({ ...kind.corrected, version: 2 });
      expect((await nurse.get(`${path}/history`)).body!.items).toHaveLength(1);
      expect(await auditActions(patient.id, kind.resourceType)).toContain(
        `${kind.action}.update:failure`,
      );
    });

    it('lets patients read their own, marked corrected, without who recorded it', async () => {
      const a = await signedInPatient(testApp);
      const b = await signedInPatient(testApp);
      const created = await create(nurse, a.patient.id, kind.path, kind.create);
      const path = `${base(a.patient.id, kind.path)}/${created.id}`;
      await patch(nurse, path, { version: 1, ...kind.correction });

      const own = await a.browser.get(path);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ ...kind.corrected, corrected: true, recordedBy: null });
      const list = await a.browser.get(base(a.patient.id, kind.path));
      expect(list.body!.items).toEqual([own.body]);

      // Another patient's record does not exist for them; history and writes are for staff.
      expect((await b.browser.get(path)).status).toBe(404);
      expect((await b.browser.get(base(a.patient.id, kind.path))).status).toBe(404);
      expect((await a.browser.get(`${path}/history`)).status).toBe(403);
      expect((await a.browser.post(base(a.patient.id, kind.path), kind.create)).status).toBe(403);
      expect((await patch(a.browser, path, { version: 2 })).status).toBe(403);
    });

    it('hides an entry withdrawn as entered in error from the patient, not from staff', async () => {
      const { browser, patient } = await signedInPatient(testApp);
      const kept = await create(nurse, patient.id, kind.path, kind.create);
      const wrong = await create(nurse, patient.id, kind.path, kind.create);
      const withdrawn = await patch(nurse, `${base(patient.id, kind.path)}/${wrong.id}`, {
        version: 1,
        [kind.statusField]: 'entered-in-error',
        reason: 'Recorded for the wrong patient',
      });
      expect(withdrawn.status).toBe(200);

      const mine = await browser.get(base(patient.id, kind.path));
      expect(mine.body!.items.map((item: Item) => item.id)).toEqual([kept.id]);
      const filtered = await browser.get(`${base(patient.id, kind.path)}?status=entered-in-error`);
      expect(filtered.body!.items).toEqual([]);
      expect((await browser.get(`${base(patient.id, kind.path)}/${wrong.id}`)).status).toBe(404);

      const staff = await provider.get(`${base(patient.id, kind.path)}?status=entered-in-error`);
      expect(staff.body!.items.map((item: Item) => item.id)).toEqual([wrong.id]);
    });

    it('is closed to front-desk and billing, and read-only for admins', async () => {
      const { patient } = await signedInPatient(testApp);
      const created = await create(provider, patient.id, kind.path, kind.create);
      const path = `${base(patient.id, kind.path)}/${created.id}`;
      for (const client of [frontDesk, billing]) {
        expect((await client.get(base(patient.id, kind.path))).status).toBe(403);
        expect((await client.get(path)).status).toBe(403);
        expect((await client.get(`${path}/history`)).status).toBe(403);
        expect((await client.post(base(patient.id, kind.path), kind.create)).status).toBe(403);
      }
      expect((await admin.post(base(patient.id, kind.path), kind.create)).status).toBe(403);
      expect((await patch(admin, path, { version: 1, ...kind.correction })).status).toBe(403);
      expect((await admin.get(`${path}/history`)).status).toBe(200);
      expect(await countRows(kind.resourceType, patient.id)).toBe(1);
    });
  });

  describe('validation', () => {
    it('refuses a diagnosis code outside ICD-10-CM, naming the field, and stores nothing', async () => {
      const { patient } = await signedInPatient(testApp);
      const response = await nurse.post(base(patient.id, 'conditions'), { code: 'X99.999' });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['code']);
      expect(messageFor(response.body, 'code')).toBe(
        'Choose a diagnosis code from the list, like I10.',
      );
      const missing = await nurse.post(base(patient.id, 'conditions'), {});
      expect(fieldsOf(missing.body)).toEqual(['code']);

      const summary = await nurse.post(base(patient.id, 'visit-summaries'), {
        visitDate: '2024-11-05',
        diagnoses: [{ code: 'I10' }, { code: 'NOPE' }],
        instructions: 'Rest.',
      });
      expect(summary.status).toBe(400);
      expect(fieldsOf(summary.body)).toEqual(['diagnoses.1.code']);
      expect(await countRows('condition', patient.id)).toBe(0);
      expect(await countRows('visit_summary', patient.id)).toBe(0);
      expect(await auditActions(patient.id, 'condition')).toEqual(['condition.create:failure']);
    });

    it('refuses a vaccine outside CVX, and an immunization date in the future or not in the calendar', async () => {
      const { patient } = await signedInPatient(testApp);
      const path = base(patient.id, 'immunizations');
      const unknown = await nurse.post(path, { cvxCode: '999', occurredOn: '2024-10-01' });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown.body)).toEqual(['cvxCode']);
      const future = await nurse.post(path, { cvxCode: '140', occurredOn: daysFromToday(3) });
      expect(future.status).toBe(400);
      expect(fieldsOf(future.body)).toEqual(['occurredOn']);
      expect(messageFor(future.body, 'occurredOn')).toBe(
        'Choose a date that is not in the future.',
      );
      const unreal = await nurse.post(path, { cvxCode: '140', occurredOn: '2023-02-30' });
      expect(fieldsOf(unreal.body)).toEqual(['occurredOn']);
      const today = await nurse.post(path, { cvxCode: '140', occurredOn: daysFromToday(0) });
      expect(today.status).toBe(201);
      expect(await countRows('immunization', patient.id)).toBe(1);
    });

    it('gives patients the plain name of a diagnosis beside its medical term, or null when there is none', async () => {
      const { browser, patient } = await signedInPatient(testApp);
      const path = base(patient.id, 'conditions');
      const hypertension = await create(nurse, patient.id, 'conditions', { code: 'I10' });
      await create(nurse, patient.id, 'conditions', { code: 'R73.03' });
      const one = await browser.get(`${path}/${hypertension.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        code: 'I10',
        display: 'Essential (primary) hypertension',
        plainName: 'High blood pressure',
      });
      const list = await browser.get(path);
      expect(
        (list.body!.items as Item[]).map((item) => [item.code, item.plainName]).sort(),
      ).toEqual([
        ['I10', 'High blood pressure'],
        ['R73.03', null],
      ]);
    });

    it('refuses an end before the onset, also when only one date is corrected', async () => {
      const { patient } = await signedInPatient(testApp);
      const path = base(patient.id, 'conditions');
      const backwards = await nurse.post(path, {
        code: 'J45.909',
        onsetDate: '2020-05-01',
        abatementDate: '2020-04-30',
      });
      expect(backwards.status).toBe(400);
      expect(fieldsOf(backwards.body)).toEqual(['abatementDate']);

      const created = await create(nurse, patient.id, 'conditions', {
        code: 'J45.909',
        onsetDate: '2020-05-01',
      });
      const corrected = await patch(nurse, `${path}/${created.id}`, {
        version: 1,
        abatementDate: '2019-01-01',
      });
      expect(corrected.status).toBe(400);
      expect(fieldsOf(corrected.body)).toEqual(['abatementDate']);
      const unknownField = await patch(nurse, `${path}/${created.id}`, {
        version: 1,
        display: 'Made up',
      });
      expect(unknownField.status).toBe(400);
      expect((await nurse.get(`${path}/${created.id}`)).body).toMatchObject({
        version: 1,
        abatementDate: null,
      });
    });

    it('gives care plan goals and activities ids, keeps them through corrections, and caps them at 50', async () => {
      const { patient } = await signedInPatient(testApp);
      const condition = await create(nurse, patient.id, 'conditions', { code: 'I10' });
      const plan = await create(provider, patient.id, 'care-plans', {
        title: 'Hypertension plan',
        periodStart: '2024-02-01',
        conditionIds: [condition.id],
        goals: [
          { description: 'Lower blood pressure', status: 'in-progress', target: 'Below 130/80' },
          { description: 'Lose 5 kg', status: 'proposed' },
        ],
        activities: [{ description: 'Cut down on salt', status: 'not-started' }],
      });
      const goals = plan.goals as { id: string; description: string; target: string | null }[];
      expect(goals.map((goal) => goal.id)).toEqual([expect.any(String), expect.any(String)]);
      expect(goals[0]!.id).not.toBe(goals[1]!.id);
      expect(goals[1]!.target).toBeNull();
      expect(plan.conditions).toEqual([
        { id: condition.id, code: 'I10', display: 'Essential (primary) hypertension' },
      ]);

      const corrected = await patch(provider, `${base(patient.id, 'care-plans')}/${plan.id}`, {
        version: 1,
        goals: [
          { id: goals[0]!.id, description: 'Lower blood pressure', status: 'achieved' },
          { description: 'Sleep 7 hours', status: 'proposed' },
        ],
      });
      expect(corrected.status).toBe(200);
      const after = corrected.body!.goals as { id: string; status: string }[];
      expect(after[0]).toMatchObject({ id: goals[0]!.id, status: 'achieved' });
      expect(after[1]!.id).not.toBe(goals[1]!.id);
      expect(corrected.body!.activities).toEqual(plan.activities);

      const tooMany = await provider.post(base(patient.id, 'care-plans'), {
        title: 'Too much',
        periodStart: '2024-02-01',
        goals: Array.from({ length: 51 }, (_, i) => ({
          description: `Goal ${i}`,
          status: 'proposed',
        })),
        activities: [{ description: '', status: 'sometime' }],
      });
      expect(tooMany.status).toBe(400);
      expect(fieldsOf(tooMany.body).sort()).toEqual([
        'activities.0.description',
        'activities.0.status',
        'goals',
      ]);
      const otherPatients = await signedInPatient(testApp);
      const foreign = await provider.post(base(otherPatients.patient.id, 'care-plans'), {
        title: 'Wrong condition',
        periodStart: '2024-02-01',
        conditionIds: [condition.id],
      });
      expect(foreign.status).toBe(400);
      expect(fieldsOf(foreign.body)).toEqual(['conditionIds']);
      const backwards = await provider.post(base(patient.id, 'care-plans'), {
        title: 'Backwards',
        periodStart: '2024-02-01',
        periodEnd: '2024-01-31',
      });
      expect(fieldsOf(backwards.body)).toEqual(['periodEnd']);
      expect(await countRows('care_plan', patient.id)).toBe(1);
    });

    it('takes a visit summary’s provider and location from its appointment', async () => {
      const { patient } = await signedInPatient(testApp);
      const clinic = await createClinic(db);
      const appointmentId = await insertAppointment(db, {
        patientId: patient.id,
        providerId: clinic.provider.id,
        locationId: clinic.location.id,
        visitTypeId: clinic.visitType.id,
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() - 86_400_000 + 1_800_000),
      });
      // The visit ties the patient to the clinic's location: the provider works there.
      await assignLocation(db, provider.account.id, clinic.location.id);
      const summary = await create(provider, patient.id, 'visit-summaries', {
        visitDate: daysFromToday(-1),
        appointmentId,
        instructions: 'Drink plenty of water.',
      });
      expect(summary).toMatchObject({
        appointmentId,
        provider: { id: clinic.provider.id, displayName: clinic.provider.displayName },
        location: { id: clinic.location.id, name: clinic.location.name },
        diagnoses: [],
      });
      const other = await signedInPatient(testApp);
      const foreign = await provider.post(base(other.patient.id, 'visit-summaries'), {
        visitDate: daysFromToday(-1),
        appointmentId,
        instructions: 'Drink plenty of water.',
      });
      expect(foreign.status).toBe(400);
      expect(fieldsOf(foreign.body)).toEqual(['appointmentId']);
    });
  });

  describe('lists', () => {
    async function allPages(client: BrowserClient, path: string, limit: number) {
      const seen: Item[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await client.get(`${path}?${query}`);
        expect(response.status).toBe(200);
        expect(response.body!.items.length).toBeLessThanOrEqual(limit);
        seen.push(...(response.body!.items as Item[]));
        cursor = response.body!.nextCursor as string | null;
      } while (cursor);
      return seen;
    }

    it('pages conditions newest onset first, undated last, never skipping or repeating', async () => {
      const { patient } = await signedInPatient(testApp);
      const onsets = [
        '2020-01-01',
        null,
        '2022-06-30',
        '2020-01-01',
        null,
        '2021-03-15',
        '2020-01-01',
      ];
      for (const onsetDate of onsets) {
        await create(nurse, patient.id, 'conditions', { code: 'R05.9', onsetDate });
      }
      const path = base(patient.id, 'conditions');
      const whole = (await nurse.get(`${path}?limit=100`)).body!.items as Item[];
      expect(whole.map((item) => item.onsetDate)).toEqual([
        '2022-06-30',
        '2021-03-15',
        '2020-01-01',
        '2020-01-01',
        '2020-01-01',
        null,
        null,
      ]);
      for (const limit of [1, 2, 3]) {
        expect((await allPages(nurse, path, limit)).map((item) => item.id)).toEqual(
          whole.map((item) => item.id),
        );
      }
      const ranged = await nurse.get(`${path}?from=2020-06-01&to=2021-12-31`);
      expect(ranged.body!.items.map((item: Item) => item.onsetDate)).toEqual(['2021-03-15']);
      const reversed = await nurse.get(`${path}?from=2021-01-01&to=2020-01-01`);
      expect(reversed.status).toBe(400);
      expect(fieldsOf(reversed.body)).toEqual(['to']);
      const forged = await nurse.get(`${path}?cursor=bm90LWEtY3Vyc29y`);
      expect(forged.status).toBe(400);
      expect(fieldsOf(forged.body)).toEqual(['cursor']);
    });

    it('pages allergies by the instant recorded, and immunizations by date', async () => {
      const { patient } = await signedInPatient(testApp);
      for (let i = 0; i < 5; i += 1) {
        await create(nurse, patient.id, 'allergies', {
          substance: `Pollen ${i}`,
          category: 'environment',
        });
        await create(nurse, patient.id, 'immunizations', {
          cvxCode: '20',
          occurredOn: `2024-0${1 + (i % 2)}-10`,
          doseNumber: i + 1,
        });
      }
      const allergies = await allPages(nurse, base(patient.id, 'allergies'), 2);
      expect(allergies.map((item) => item.substance)).toEqual([
        'Pollen 4',
        'Pollen 3',
        'Pollen 2',
        'Pollen 1',
        'Pollen 0',
      ]);
      const shots = await allPages(nurse, base(patient.id, 'immunizations'), 2);
      expect(new Set(shots.map((item) => item.id)).size).toBe(5);
      expect(shots.map((item) => item.occurredOn)).toEqual([
        '2024-02-10',
        '2024-02-10',
        '2024-01-10',
        '2024-01-10',
        '2024-01-10',
      ]);
    });

    it('costs the same number of queries for one row as for many', async () => {
      const { patient } = await signedInPatient(testApp);
      const condition = await create(nurse, patient.id, 'conditions', { code: 'E78.5' });
      const clinic = await createClinic(db);
      const plan = {
        title: 'Cholesterol plan',
        periodStart: '2024-03-01',
        conditionIds: [condition.id],
        goals: [{ description: 'LDL below 100', status: 'in-progress' }],
      };
      const summary = {
        visitDate: '2024-03-01',
        providerId: clinic.provider.id,
        locationId: clinic.location.id,
        diagnoses: [{ code: 'E78.5' }],
        instructions: 'Eat more fibre.',
      };
      const count = async (path: string) => {
        const response = await provider.get(base(patient.id, path));
        expect(response.status).toBe(200);
        return Number(response.headers.get(QUERY_COUNT_HEADER));
      };
      await create(nurse, patient.id, 'care-plans', plan);
      await create(nurse, patient.id, 'visit-summaries', summary);
      const single = [await count('care-plans'), await count('visit-summaries')];
      for (let i = 0; i < 6; i += 1) {
        await create(nurse, patient.id, 'care-plans', plan);
        await create(nurse, patient.id, 'visit-summaries', summary);
      }
      const many = [await count('care-plans'), await count('visit-summaries')];
      expect(single[0]).toBeGreaterThan(0);
      expect(many).toEqual(single);
      const plans = (await provider.get(base(patient.id, 'care-plans'))).body!.items as Item[];
      expect(plans).toHaveLength(7);
      for (const item of plans)
        expect(item.conditions).toEqual([expect.objectContaining({ id: condition.id })]);
    });
  });

  describe('code lists', () => {
    it('searches a code list for staff, with LOINC units and ranges', async () => {
      const icd = await nurse.get('/api/v1/code-systems/icd10cm/codes?q=hypertension&limit=5');
      expect(icd.status).toBe(200);
      expect(icd.body).toMatchObject({ system: 'icd10cm', version: expect.any(String) });
      expect(icd.body!.items.length).toBeGreaterThan(0);
      expect(icd.body!.items.length).toBeLessThanOrEqual(5);
      expect(icd.body!.items[0]).toEqual({
        code: 'I10',
        display: 'Essential (primary) hypertension',
      });

      const loinc = await frontDesk.get('/api/v1/code-systems/loinc/codes?q=4548-4');
      expect(loinc.body!.items[0]).toEqual({
        code: '4548-4',
        display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
        unit: '%',
        units: ['%'],
        referenceLow: 4,
        referenceHigh: 5.6,
      });
      const cvx = await provider.get('/api/v1/code-systems/cvx/codes?q=zoster');
      expect(cvx.body!.items.map((item: { code: string }) => item.code)).toEqual(['121', '187']);

      expect((await nurse.get('/api/v1/code-systems/snomed/codes')).status).toBe(404);
      expect((await nurse.get('/api/v1/code-systems/cvx/codes?limit=0')).status).toBe(400);
      const { browser } = await signedInPatient(testApp);
      expect((await browser.get('/api/v1/code-systems/icd10cm/codes')).status).toBe(403);
    });
  });
});
