import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { BrowserClient } from './support/browser-client.js';
import { signedInStaff } from './support/invitation-flow.js';
import { bundleSchemaErrors, fhirErrors } from './support/record-export-fhir.js';
import { pdfPages } from './support/record-export-fixtures.js';
import {
  daysFromToday,
  fieldsOf,
  messageFor,
  patch,
  signedInPatient,
} from './support/records-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Staff = Awaited<ReturnType<typeof signedInStaff>>;
type Item = Record<string, unknown> & { id: string; version: number };

const LISINOPRIL = {
  rxnormCode: '314076',
  dose: '10 mg',
  route: 'oral',
  frequency: 'Once a day',
  instructions: 'Take in the morning.',
  prescriber: 'Dr. Priya Shah',
  startDate: '2024-03-01',
  refillsRemaining: 3,
  lastFilledOn: '2024-05-01',
  pharmacy: 'Main Street Pharmacy',
};

describe('medications', () => {
  let testApp: TestApp;
  let db: DataSource;
  let nurse: Staff;
  let provider: Staff;
  let frontDesk: Staff;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    [nurse, provider, frontDesk] = await Promise.all([
      signedInStaff(testApp, ['nurse']),
      signedInStaff(testApp, ['provider']),
      signedInStaff(testApp, ['front-desk']),
    ]);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const base = (patientId: string) => `/api/v1/patients/${patientId}/medications`;

  async function create(client: BrowserClient, patientId: string, body: object) {
    const response = await client.post(base(patientId), body);
    expect(response.status).toBe(201);
    return response.body as Item;
  }

  const auditActions = async (patientId: string): Promise<string[]> =>
    (
      (await db.query(
        `SELECT action, outcome FROM audit_event
          WHERE patient_id = $1 AND resource_type = 'medication' ORDER BY occurred_at, id`,
        [patientId],
      )) as { action: string; outcome: string }[]
    ).map((row) => `${row.action}:${row.outcome}`);

  it('is entered and corrected by staff with its history, and read by the patient', async () => {
    const { browser, patient } = await signedInPatient(testApp);
    const created = await create(nurse, patient.id, { ...LISINOPRIL, rxnormCode: ' 314076 ' });
    expect(created).toMatchObject({
      ...LISINOPRIL,
      display: 'lisinopril 10 MG Oral Tablet',
      plainName: 'Lisinopril 10 mg tablet',
      endDate: null,
      status: 'active',
      patientId: patient.id,
      version: 1,
      corrected: false,
      recordedBy: { id: nurse.account.id },
    });

    const stopped = await patch(provider, `${base(patient.id)}/${created.id}`, {
      version: 1,
      status: 'stopped',
      endDate: '2024-09-30',
      refillsRemaining: null,
      reason: 'Cough; switched medicine',
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({
      status: 'stopped',
      endDate: '2024-09-30',
      refillsRemaining: null,
      dose: '10 mg',
      version: 2,
      corrected: true,
    });
    const stale = await patch(provider, `${base(patient.id)}/${created.id}`, {
      version: 1,
      dose: '20 mg',
    });
    expect(stale.status).toBe(409);

    const history = await nurse.get(`${base(patient.id)}/${created.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body!.items).toEqual([
      expect.objectContaining({
        version: 1,
        reason: 'Cough; switched medicine',
        changedBy: expect.objectContaining({ id: provider.account.id }),
        snapshot: created,
      }),
    ]);

    // The patient reads their own, without who recorded it, and may not change it.
    const own = await browser.get(base(patient.id));
    expect(own.status).toBe(200);
    expect(own.body!.items).toEqual([
      expect.objectContaining({ id: created.id, status: 'stopped', recordedBy: null }),
    ]);
    expect((await browser.get(`${base(patient.id)}/${created.id}`)).status).toBe(200);
    expect((await browser.get(`${base(patient.id)}/${created.id}/history`)).status).toBe(403);
    expect((await browser.post(base(patient.id), LISINOPRIL)).status).toBe(403);
    expect((await frontDesk.get(base(patient.id))).status).toBe(403);

    expect(await auditActions(patient.id)).toEqual([
      'medication.create:success',
      'medication.update:success',
      'medication.update:failure',
      'medication.history:success',
      'medication.list:success',
      'medication.read:success',
    ]);
  });

  it('takes codes from the RxNorm list and checks the dates and fields', async () => {
    const { patient } = await signedInPatient(testApp);
    const unknown = await nurse.post(base(patient.id), { ...LISINOPRIL, rxnormCode: '999999' });
    expect(unknown.status).toBe(400);
    expect(messageFor(unknown.body, 'rxnormCode')).toMatch(/from the list/);

    const backwards = await nurse.post(base(patient.id), {
      ...LISINOPRIL,
      endDate: '2024-02-01',
    });
    expect(fieldsOf(backwards.body)).toEqual(['endDate']);
    const future = await nurse.post(base(patient.id), {
      ...LISINOPRIL,
      lastFilledOn: daysFromToday(3),
    });
    expect(fieldsOf(future.body)).toEqual(['lastFilledOn']);

    const bad = await nurse.post(base(patient.id), {
      ...LISINOPRIL,
      route: 'by-mouth',
      refillsRemaining: 100,
      startDate: '2024-02-30',
      status: 'entered-in-error',
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(
      ['extra', 'refillsRemaining', 'route', 'startDate', 'status'].sort(),
    );
    expect(await auditActions(patient.id)).toEqual([
      'medication.create:failure',
      'medication.create:failure',
      'medication.create:failure',
    ]);

    const search = await nurse.get('/api/v1/code-systems/rxnorm/codes?q=metformin');
    expect(search.status).toBe(200);
    expect(search.body!.items).toContainEqual({
      code: '861007',
      display: 'metformin hydrochloride 500 MG Oral Tablet',
    });
  });

  it('lists newest first by start date in pages, and hides entries in error from the patient', async () => {
    const { browser, patient } = await signedInPatient(testApp);
    const starts = ['2023-01-10', '2024-06-01', '2022-05-05', '2024-06-01', '2021-02-02'];
    const items: Item[] = [];
    for (const startDate of starts) {
      items.push(await create(nurse, patient.id, { rxnormCode: '861007', startDate }));
    }
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${base(patient.id)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await provider.get(url);
      expect(page.status).toBe(200);
      seen.push(...(page.body!.items as Item[]));
      cursor = page.body!.nextCursor as string | null;
    } while (cursor);
    expect(seen.map((item) => item.startDate)).toEqual([
      '2024-06-01',
      '2024-06-01',
      '2023-01-10',
      '2022-05-05',
      '2021-02-02',
    ]);
    expect(new Set(seen.map((item) => item.id)).size).toBe(5);

    const wrong = items[0]!;
    expect(
      (
        await patch(nurse, `${base(patient.id)}/${wrong.id}`, {
          version: 1,
          status: 'entered-in-error',
        })
      ).status,
    ).toBe(200);
    const own = await browser.get(`${base(patient.id)}?from=2023-01-01&to=2023-12-31`);
    expect(own.body!.items).toEqual([]);
    expect((await browser.get(`${base(patient.id)}/${wrong.id}`)).status).toBe(404);
    const staffView = await nurse.get(`${base(patient.id)}?status=entered-in-error`);
    expect(staffView.body!.items.map((item: Item) => item.id)).toEqual([wrong.id]);
  });

  it('is a section of the PDF and a MedicationRequest in the FHIR Bundle', async () => {
    const { browser, patient } = await signedInPatient(testApp);
    const active = await create(nurse, patient.id, LISINOPRIL);
    const stopped = await create(nurse, patient.id, {
      rxnormCode: '310798',
      dose: '25 mg',
      route: 'oral',
      frequency: 'Once a day',
      startDate: '2023-01-05',
      endDate: '2024-02-28',
      status: 'stopped',
    });
    const wrong = await create(nurse, patient.id, {
      rxnormCode: '198440',
      startDate: '2024-01-01',
    });
    await patch(nurse, `${base(patient.id)}/${wrong.id}`, {
      version: 1,
      status: 'entered-in-error',
    });
    const raw = (url: string) =>
      testApp.fetch(url, {
        headers: {
          cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
        },
      });

    const pdf = await raw(`/api/v1/patients/${patient.id}/health-record.pdf`);
    expect(pdf.status).toBe(200);
    const text = (await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join(' ');
    expect(text).toContain('Medications');
    expect(text).toContain('lisinopril 10 MG Oral Tablet');
    expect(text).toContain('10 mg, oral, Once a day');
    expect(text).toContain('Stopped February 28, 2024');
    expect(text).not.toContain('acetaminophen');
    expect(text.indexOf('Allergies')).toBeLessThan(text.indexOf('Medications'));
    expect(text.indexOf('Medications')).toBeLessThan(text.indexOf('Immunizations'));

    const response = await raw(`/api/v1/patients/${patient.id}/health-record.fhir.json`);
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as {
      entry: { resource: Record<string, unknown> & { id: string; resourceType: string } }[];
    };
    expect(bundleSchemaErrors(bundle)).toEqual([]);
    const requests = bundle.entry
      .map((entry) => entry.resource)
      .filter((resource) => resource.resourceType === 'MedicationRequest');
    expect(requests.map((resource) => resource.id)).toEqual([active.id, stopped.id]);
    for (const resource of requests) expect(fhirErrors(resource)).toEqual([]);
    expect(requests[0]).toMatchObject({
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '314076',
            display: 'lisinopril 10 MG Oral Tablet',
          },
        ],
      },
      subject: { reference: `urn:uuid:${patient.id}` },
      requester: { display: 'Dr. Priya Shah' },
      dosageInstruction: [
        {
          text: '10 mg, oral, Once a day',
          patientInstruction: 'Take in the morning.',
          route: { text: 'oral' },
        },
      ],
      dispenseRequest: {
        validityPeriod: { start: '2024-03-01' },
        numberOfRepeatsAllowed: 3,
        performer: { display: 'Main Street Pharmacy' },
      },
    });
    expect(requests[1]).toMatchObject({
      status: 'stopped',
      dispenseRequest: { validityPeriod: { start: '2023-01-05', end: '2024-02-28' } },
    });
  });
});
