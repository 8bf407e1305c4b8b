import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createPatientAccount, TEST_PASSWORD } from './support/accounts.js';
import { createPatient, newBrowser, signedInStaff, uniqueWord } from './support/invitation-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Field = { field: string; message: string };
const fieldsOf = (body: Record<string, unknown> | null) =>
  ((body?.errors ?? []) as Field[]).map((error) => error.field);

describe('patients (staff demographics and search)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    frontDesk = await signedInStaff(testApp, ['front-desk']);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  // Patient-record events only (sign-ins are audited too, by the auth module).
  const auditRows = (patientId: string): Promise<{ action: string; outcome: string }[]> =>
    db.query(
      `SELECT action, outcome FROM audit_event
        WHERE patient_id = $1 AND action LIKE 'patient.%' ORDER BY occurred_at, id`,
      [patientId],
    );

  async function signedInPatient() {
    const { patient, username } = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    expect((await browser.login(username, TEST_PASSWORD)).status).toBe(200);
    return { browser, patient };
  }

  it('registers a patient with a generated MRN and audits it', async () => {
    const familyName = uniqueWord('Create');
    const response = await frontDesk.post('/api/v1/patients', {
      givenName: '  Alexandra ',
      familyName,
      preferredName: 'Alex',
      dateOfBirth: '1968-04-12',
      sex: 'female',
      email: 'alex@example.test',
      mobilePhone: '+1 (555) 010-1001',
      address: {
        line1: '12 Elm Street',
        line2: '',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62701',
        country: 'us',
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      givenName: 'Alexandra',
      familyName,
      preferredName: 'Alex',
      dateOfBirth: '1968-04-12',
      sex: 'female',
      mobilePhone: '+15550101001',
      address: { line1: '12 Elm Street', country: 'US' },
    });
    expect(response.body!.address).not.toHaveProperty('line2');
    expect(response.body!.mrn).toMatch(/^M\d{8}$/);
    expect(await auditRows(response.body!.id)).toEqual([
      { action: 'patient.create', outcome: 'success' },
    ]);
  });

  it('names every bad field and saves nothing', async () => {
    const familyName = uniqueWord('Bad');
    const response = await frontDesk.post('/api/v1/patients', {
      givenName: '',
      familyName,
      dateOfBirth: '2023-02-30',
      sex: 'robot',
      email: 'not-an-email',
      mobilePhone: '555',
      address: { line1: 'Line\nbreak', city: 'X', region: 'Y', postalCode: '!!', country: 'XX' },
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(response.body)).toEqual(
      expect.arrayContaining([
        'givenName',
        'dateOfBirth',
        'sex',
        'email',
        'mobilePhone',
        'address.line1',
        'address.postalCode',
        'address.country',
        'isAdmin',
      ]),
    );
    const wrongShapes = await frontDesk.post('/api/v1/patients', {
      givenName: ['Robin'],
      familyName: 42,
      dateOfBirth: 19790314,
      sex: null,
      address: 'somewhere',
    });
    expect(wrongShapes.status).toBe(400);
    expect(fieldsOf(wrongShapes.body)).toEqual(
      expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth', 'sex', 'address']),
    );
    const base = { givenName: 'Robin', familyName, sex: 'male' };
    for (const dateOfBirth of ['2999-01-01', '1899-12-31']) {
      const refused = await frontDesk.post('/api/v1/patients', { ...base, dateOfBirth });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['dateOfBirth']);
    }
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM patient WHERE family_name = $1`,
      [familyName],
    );
    expect(count).toBe(0);
  });

  it('lets staff roles read a patient, and a patient only their own record', async () => {
    const created = await createPatient(frontDesk);
    for (const role of ['nurse', 'provider', 'billing', 'admin'] as const) {
      const staff = await signedInStaff(testApp, [role]);
      const response = await staff.get(`/api/v1/patients/${created.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: created.id, mrn: created.mrn });
    }
    const a = await signedInPatient();
    const b = await signedInPatient();
    const own = await a.browser.get(`/api/v1/patients/${a.patient.id}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    // Another patient's id, an unknown id and a malformed one answer the same.
    for (const id of [a.patient.id, created.id, '0190a4c6-0000-7000-8000-000000000000', 'x']) {
      const response = await b.browser.get(`/api/v1/patients/${id}`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'patient_not_found' });
    }
    expect((await newBrowser(testApp).get(`/api/v1/patients/${created.id}`)).status).toBe(401);
    expect(
      (await auditRows(created.id)).filter((row) => row.action === 'patient.read'),
    ).toHaveLength(4);
    expect(await auditRows(a.patient.id)).toEqual([{ action: 'patient.read', outcome: 'success' }]);
  });

  it('updates demographics for front desk only, field by field', async () => {
    const created = await createPatient(frontDesk);
    const response = await frontDesk.request('PATCH', `/api/v1/patients/${created.id}`, {
      preferredName: 'Rob',
      email: 'new-address@example.test',
      mobilePhone: null,
      address: null,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      givenName: 'Robin',
      preferredName: 'Rob',
      email: 'new-address@example.test',
      mobilePhone: null,
      address: null,
    });
    // A required field cannot be cleared, and nothing is changed by a refused request.
    const cleared = await frontDesk.request('PATCH', `/api/v1/patients/${created.id}`, {
      givenName: null,
      familyName: '   ',
      preferredName: 'Robbie',
    });
    expect(cleared.status).toBe(400);
    expect(fieldsOf(cleared.body)).toEqual(expect.arrayContaining(['givenName', 'familyName']));
    const empty = await frontDesk.request('PATCH', `/api/v1/patients/${created.id}`, {});
    expect(empty.status).toBe(400);
    expect((await frontDesk.get(`/api/v1/patients/${created.id}`)).body).toMatchObject({
      preferredName: 'Rob',
    });

    const nurse = await signedInStaff(testApp, ['nurse']);
    const byNurse = await nurse.request('PATCH', `/api/v1/patients/${created.id}`, {
      preferredName: 'Nope',
    });
    expect(byNurse.status).toBe(403);
    // A patient may not edit even their own demographics; another's record does not exist.
    const { browser, patient } = await signedInPatient();
    const own = await browser.request('PATCH', `/api/v1/patients/${patient.id}`, {
      preferredName: 'x',
    });
    expect(own.status).toBe(403);
    const other = await browser.request('PATCH', `/api/v1/patients/${created.id}`, {
      preferredName: 'x',
    });
    expect(other.status).toBe(404);
    expect(
      (
        await frontDesk.request('PATCH', '/api/v1/patients/0190a4c6-0000-7000-8000-000000000000', {
          preferredName: 'Ghost',
        })
      ).status,
    ).toBe(404);
    expect((await auditRows(created.id)).map((row) => row.action)).toEqual([
      'patient.create',
      'patient.update',
      'patient.read',
    ]);
  });

  it('keeps staff-only routes from patients and nurses', async () => {
    const { browser } = await signedInPatient();
    expect((await browser.get('/api/v1/patients?query=a')).status).toBe(403);
    const created = await browser.post('/api/v1/patients', {
      givenName: 'Self',
      familyName: 'Made',
      dateOfBirth: '1990-01-01',
      sex: 'male',
    });
    expect(created.status).toBe(403);
    expect(created.body).toMatchObject({ code: 'forbidden' });
    const nurse = await signedInStaff(testApp, ['nurse']);
    expect(
      (
        await nurse.post('/api/v1/patients', {
          givenName: 'Nurse',
          familyName: 'Made',
          dateOfBirth: '1990-01-01',
          sex: 'male',
        })
      ).status,
    ).toBe(403);
  });

  describe('search', () => {
    let prefix: string;
    let patients: Awaited<ReturnType<typeof createPatient>>[];

    beforeAll(async () => {
      prefix = uniqueWord('Srch');
      patients = [];
      // Created out of order: the results come sorted by family then given name.
      for (const [family, given, dob] of [
        ['Charlie', 'Zed', '1990-01-01'],
        ['Alpha', 'Yan', '1975-06-30'],
        ['Bravo', 'Xia', '1990-01-01'],
      ] as const) {
        patients.push(
          await createPatient(frontDesk, {
            familyName: `${prefix}${family}`,
            givenName: `${given}${prefix}`,
            dateOfBirth: dob,
          }),
        );
      }
    });

    it('pages through a name prefix with a cursor', async () => {
      const nurse = await signedInStaff(testApp, ['nurse']);
      const first = await nurse.get(`/api/v1/patients?query=${prefix.toUpperCase()}&limit=2`);
      expect(first.status).toBe(200);
      expect(first.body!.items.map((p: { familyName: string }) => p.familyName)).toEqual([
        `${prefix}Alpha`,
        `${prefix}Bravo`,
      ]);
      expect(first.body!.items[0]).not.toHaveProperty('email');
      expect(typeof first.body!.nextCursor).toBe('string');
      const second = await nurse.get(
        `/api/v1/patients?query=${prefix}&limit=2&cursor=${encodeURIComponent(first.body!.nextCursor)}`,
      );
      expect(second.status).toBe(200);
      expect(second.body!.items.map((p: { familyName: string }) => p.familyName)).toEqual([
        `${prefix}Charlie`,
      ]);
      expect(second.body!.nextCursor).toBeNull();
    });

    it('finds by given name, both names, exact MRN, and date of birth', async () => {
      const billing = await signedInStaff(testApp, ['billing']);
      const names = async (query: string) =>
        (await billing.get(`/api/v1/patients?${query}`)).body!.items.map(
          (p: { id: string }) => p.id,
        );
      const [charlie, alpha, bravo] = patients as [
        (typeof patients)[0],
        (typeof patients)[0],
        (typeof patients)[0],
      ];
      expect(await names(`query=yan${prefix.toLowerCase()}`)).toEqual([alpha.id]);
      expect(await names(`query=${encodeURIComponent(`xia ${prefix}bra`)}`)).toEqual([bravo.id]);
      expect(await names(`query=${charlie.mrn.toLowerCase()}`)).toEqual([charlie.id]);
      expect(await names(`query=${prefix}&dateOfBirth=1990-01-01`)).toEqual([bravo.id, charlie.id]);
      // LIKE wildcards in the search are plain characters.
      expect(await names(`query=${prefix}%25`)).toEqual([]);
      expect(await names(`query=_${prefix.slice(1)}`)).toEqual([]);
    });

    it('refuses a limit over 100, a forged cursor and unknown parameters', async () => {
      const nurse = await signedInStaff(testApp, ['nurse']);
      for (const [query, field] of [
        ['limit=101', 'limit'],
        ['limit=0', 'limit'],
        ['limit=ten', 'limit'],
        ['cursor=not-a-cursor', 'cursor'],
        ['dateOfBirth=1990-13-01', 'dateOfBirth'],
        ['sort=mrn', 'sort'],
      ]) {
        const response = await nurse.get(`/api/v1/patients?query=${prefix}&${query}`);
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual([field]);
      }
    });

    it('audits each search with one row per patient shown, in one statement', async () => {
      const provider = await signedInStaff(testApp, ['provider']);
      // Every statement TypeORM sends passes through its logger's logQuery.
      const search = async (query: string) => {
        const logger = db.logger;
        const original = logger.logQuery;
        const queries: string[] = [];
        logger.logQuery = (sql, parameters, runner) => {
          queries.push(sql);
          return original.call(logger, sql, parameters, runner);
        };
        try {
          const response = await provider.get(`/api/v1/patients?${query}`);
          expect(response.status).toBe(200);
          return queries.filter((sql) => /audit_event/.test(sql));
        } finally {
          logger.logQuery = original;
        }
      };
      const one = await search(`query=${prefix}&limit=1`);
      const all = await search(`query=${prefix}`);
      const none = await search(`query=${prefix}Nobody`);
      expect([one.length, all.length, none.length]).toEqual([1, 1, 1]);

      const rows: {
        action: string;
        patient_id: string | null;
        resource_type: string;
        resource_id: string | null;
      }[] = await db.query(
        `SELECT action, patient_id, resource_type, resource_id FROM audit_event
          WHERE actor_account_id = $1 AND action LIKE 'patient.%'
          ORDER BY occurred_at, patient_id`,
        [provider.account.id],
      );
      const [, alpha] = patients.map((p) => p.id) as [string, string, string];
      const row = (patientId: string | null) => ({
        action: 'patient.search',
        patient_id: patientId,
        resource_type: 'patient',
        resource_id: patientId,
      });
      // The first page of one (Alpha), the three, then a search that found nobody.
      const three = patients.map((p) => p.id).sort();
      expect(rows).toEqual([alpha, ...three, null].map(row));
    });

    it("shows in each found patient's own access log", async () => {
      const { browser, patient } = await signedInPatient();
      const nurse = await signedInStaff(testApp, ['nurse']);
      const found = await nurse.get(`/api/v1/patients?query=${patient.familyName}`);
      expect(found.body!.items.map((p: { id: string }) => p.id)).toEqual([patient.id]);
      const log = await browser.get(`/api/v1/patients/${patient.id}/access-log`);
      expect(log.status).toBe(200);
      expect(log.body!.items).toEqual([
        {
          occurredAt: expect.any(String),
          staffName: nurse.account.displayName,
          staffRoles: ['nurse'],
          action: 'patient.search',
          description: 'Found you in a patient search',
        },
      ]);
    });
  });
});
