import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { signedInPatient } from './support/appointment-flow.js';
import { mailsTo, readMail, signedInStaff } from './support/invitation-flow.js';
import { startSmtpSink, waitFor } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HEADER =
  'mrn,report_code,report_title,effective_at,loinc_code,value,unit,reference_low,reference_high,interpretation,status';

describe('importing results', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let testApp: TestApp;
  let db: DataSource;
  let nurse: Awaited<ReturnType<typeof signedInStaff>>;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await startTestApp(
      {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://portal.test',
        STAFF_SECOND_FACTOR_REQUIRED: 'false',
      },
      { runWorkers: true },
    );
    db = testApp.app.get(getDataSourceToken());
    nurse = await signedInStaff(testApp, ['nurse']);
    admin = await signedInStaff(testApp, ['admin']);
    // "other" reports wait for review here; laboratory keeps the default (immediate).
    const policy = await admin.request('PUT', '/api/v1/results/release-policy', {
      items: [{ category: 'other', mode: 'review' }],
    });
    expect(policy.status).toBe(200);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  const storedFor = async (patientId: string) =>
    (
      (await db.query(
        `SELECT (SELECT count(*)::int FROM result_report WHERE patient_id = $1) AS reports,
                (SELECT count(*)::int FROM observation WHERE patient_id = $1) AS observations`,
        [patientId],
      )) as { reports: number; observations: number }[]
    )[0]!;
  const notices = (address: string) =>
    mailsTo(smtp.received, address)
      .map(readMail)
      .filter((mail) => mail.subject === 'A new test result is available');

  it('imports a CSV file: one report per patient, panel and time, one email per patient', async () => {
    const a = await signedInPatient(testApp);
    const b = await signedInPatient(testApp);
    const csv = [
      HEADER,
      `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,2093-3,150,mg/dL,,,,final`,
      `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,2345-7,120,mg/dL,,,,final`,
      `${a.patient.mrn},,"Glucose, fasting",2026-03-05T08:30:00Z,2345-7,65,mg/dL,70,99,,final`,
      `${b.patient.mrn},4548-4,HbA1c,2026-03-02T08:30:00Z,4548-4,5.2,%,,,,preliminary`,
    ].join('\r\n');
    const response = await nurse.post('/api/v1/results/imports', {
      format: 'csv',
      fileName: 'march.csv',
      content: csv,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ reports: 3, observations: 4, patients: 2 });

    const list = await a.get(`/api/v1/patients/${a.patient.id}/results`);
    expect(list.body!.items).toEqual([
      expect.objectContaining({ title: 'Glucose, fasting', abnormal: true, observationCount: 1 }),
      expect.objectContaining({ title: 'Lipid panel', code: '24331-1', observationCount: 2 }),
    ]);
    const lipids = await a.get(
      `/api/v1/patients/${a.patient.id}/results/${list.body!.items[1].id}`,
    );
    expect(
      lipids.body!.observations.map((o: { interpretation: string }) => o.interpretation),
    ).toEqual(['N', 'H']);
    const bList = await b.get(`/api/v1/patients/${b.patient.id}/results`);
    expect(bList.body!.items).toEqual([expect.objectContaining({ status: 'preliminary' })]);

    await waitFor(
      () => notices(a.patient.email!).length >= 1 && notices(b.patient.email!).length >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(notices(a.patient.email!)).toHaveLength(1);
    expect(notices(b.patient.email!)).toHaveLength(1);
    const imports = await db.query(`SELECT * FROM result_import WHERE id = $1`, [
      response.body!.importId,
    ]);
    expect(imports[0]).toMatchObject({ format: 'csv', file_name: 'march.csv', report_count: 3 });
  });

  it('rejects a whole CSV file with one bad line, naming the lines, and stores nothing', async () => {
    const a = await signedInPatient(testApp);
    const csv = [
      HEADER,
      `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,2093-3,150,mg/dL,,,,final`,
      `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,2345-7,120,mg/dL,,,,final`,
      `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,9999-9,1,mg/dL,,,,final`,
      `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,2345-7,120,kg,,,,final`,
      `M99999999,24331-1,Lipid panel,2026-03-01T08:30:00Z,2345-7,120,mg/dL,,,,final`,
      `${a.patient.mrn},24331-1,Lipid panel,yesterday,2345-7,120,mg/dL,,,,final`,
    ].join('\n');
    const response = await nurse.post('/api/v1/results/imports', { format: 'csv', content: csv });
    expect(response.status).toBe(400);
    expect(response.body!.code).toBe('import_rejected');
    expect(response.body!.errors).toEqual([
      { field: 'line 4', message: 'Unknown LOINC code 9999-9.' },
      { field: 'line 5', message: expect.stringMatching(/^kg is not a unit for Glucose/) },
      { field: 'line 6', message: 'No patient has the MRN M99999999.' },
      { field: 'line 7', message: expect.stringContaining('effective_at') },
    ]);
    expect(await storedFor(a.patient.id)).toEqual({ reports: 0, observations: 0 });
  });

  it('lists at most 100 errors of a refused file, as the Problem schema says', async () => {
    const a = await signedInPatient(testApp);
    const bad = `${a.patient.mrn},24331-1,Lipid panel,2026-03-01T08:30:00Z,9999-9,1,mg/dL,,,,final`;
    const manyBad = await nurse.post('/api/v1/results/imports', {
      format: 'csv',
      content: [HEADER, ...Array.from({ length: 150 }, () => bad)].join('\n'),
    });
    expect(manyBad.status).toBe(400);
    expect(manyBad.body!.errors).toHaveLength(100);
    expect(manyBad.body!.errors![99]).toEqual({
      field: 'line 101',
      message: 'Unknown LOINC code 9999-9.',
    });
    expect(await storedFor(a.patient.id)).toEqual({ reports: 0, observations: 0 });
  });

  it('refuses a CSV file with a wrong header or a broken quote', async () => {
    const header = await nurse.post('/api/v1/results/imports', {
      format: 'csv',
      content: 'mrn,code,value\r\nM1,2345-7,1\r\n',
    });
    expect(header.status).toBe(400);
    expect(header.body!.errors[0].field).toBe('line 1');
    const quote = await nurse.post('/api/v1/results/imports', {
      format: 'csv',
      content: `${HEADER}\r\nM1,,"Lipid,2026-03-01T08:30:00Z,2345-7,1,mg/dL,,,,final\r\n`,
    });
    expect(quote.status).toBe(400);
    expect(quote.body!.errors).toEqual([
      { field: 'line 2', message: 'A quoted value is never closed.' },
    ]);
  });

  function bundle(mrn: string, extra: { observationUnit?: string; category?: string } = {}) {
    return {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:patient-1', resource: { resourceType: 'Patient', id: 'p1' } },
        {
          fullUrl: 'urn:uuid:report-1',
          resource: {
            resourceType: 'DiagnosticReport',
            status: 'final',
            category: [
              {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/v2-0074',
                    code: extra.category ?? 'LAB',
                  },
                ],
              },
            ],
            code: {
              coding: [{ system: 'http://loinc.org', code: '24331-1' }],
              text: 'Lipid panel',
            },
            subject: { identifier: { system: 'urn:mrn', value: mrn } },
            effectiveDateTime: '2026-03-01T08:30:00Z',
            result: [{ reference: 'urn:uuid:obs-1' }, { reference: 'Observation/obs-2' }],
          },
        },
        {
          fullUrl: 'urn:uuid:obs-1',
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '2093-3' }] },
            subject: { identifier: { value: mrn } },
            valueQuantity: {
              value: 250,
              unit: extra.observationUnit ?? 'mg/dL',
              system: 'http://unitsofmeasure.org',
              code: extra.observationUnit ?? 'mg/dL',
            },
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            id: 'obs-2',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '2085-9' }] },
            subject: { identifier: { value: mrn } },
            valueQuantity: { value: 55, unit: 'mg/dL' },
            referenceRange: [{ low: { value: 40 } }],
          },
        },
      ],
    };
  }

  it('imports a FHIR bundle of a DiagnosticReport and its Observations', async () => {
    const patient = await signedInPatient(testApp);
    const response = await nurse.post('/api/v1/results/imports', {
      format: 'fhir',
      content: JSON.stringify(bundle(patient.patient.mrn)),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ reports: 1, observations: 2, patients: 1 });
    const list = await patient.get(`/api/v1/patients/${patient.patient.id}/results`);
    const report = await patient.get(
      `/api/v1/patients/${patient.patient.id}/results/${list.body!.items[0].id}`,
    );
    expect(report.body).toMatchObject({
      title: 'Lipid panel',
      category: 'laboratory',
      abnormal: true,
    });
    expect(report.body!.observations).toEqual([
      expect.objectContaining({ code: '2093-3', valueQuantity: 250, interpretation: 'H' }),
      expect.objectContaining({ code: '2085-9', valueQuantity: 55, interpretation: 'N' }),
    ]);
    await waitFor(() => notices(patient.patient.email!).length === 1);
  });

  it('holds imported reports whose category is set to review, and sends no notice', async () => {
    const patient = await signedInPatient(testApp);
    const response = await nurse.post('/api/v1/results/imports', {
      format: 'fhir',
      content: JSON.stringify(bundle(patient.patient.mrn, { category: 'OTH' })),
    });
    expect(response.status).toBe(201);
    expect(
      (await patient.get(`/api/v1/patients/${patient.patient.id}/results`)).body!.items,
    ).toEqual([]);
    const staff = await nurse.get(`/api/v1/patients/${patient.patient.id}/results`);
    expect(staff.body!.items).toEqual([
      expect.objectContaining({ category: 'other', releaseState: 'held' }),
    ]);
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM mail_delivery WHERE recipient = $1`,
      [patient.patient.email],
    );
    expect(rows[0].n).toBe(0);
  });

  it('rejects a FHIR bundle with a bad entry, naming its path, and stores nothing', async () => {
    const patient = await signedInPatient(testApp);
    const response = await nurse.post('/api/v1/results/imports', {
      format: 'fhir',
      content: JSON.stringify(bundle(patient.patient.mrn, { observationUnit: 'kg' })),
    });
    expect(response.status).toBe(400);
    expect(response.body!.code).toBe('import_rejected');
    expect(response.body!.errors).toEqual([
      {
        field: 'entry[2].resource.valueQuantity.unit',
        message: expect.stringMatching(/^kg is not a unit for Cholesterol/),
      },
    ]);
    expect(await storedFor(patient.patient.id)).toEqual({ reports: 0, observations: 0 });
    const notJson = await nurse.post('/api/v1/results/imports', {
      format: 'fhir',
      content: '{nope',
    });
    expect(notJson.body!.errors).toEqual([
      { field: 'content', message: 'The file is not valid JSON.' },
    ]);
  });

  it('takes files over the global 1 MiB body limit up to 4 MB, and refuses larger ones', async () => {
    const patient = await signedInPatient(testApp);
    const line = `${patient.patient.mrn},,Glucose,2026-03-01T08:30:00Z,2345-7,90,mg/dL,,,,final`;
    const rows = Math.ceil((2 * 1024 * 1024) / line.length);
    const big = [
      HEADER,
      ...Array.from({ length: rows }, (_, i) =>
        line.replace('08:30:00Z', `08:30:${String(i % 60).padStart(2, '0')}Z`),
      ),
    ].join('\n');
    const accepted = await nurse.post('/api/v1/results/imports', { format: 'csv', content: big });
    expect(accepted.status).toBe(201);
    expect(accepted.body!.observations).toBe(rows);
    const huge = 'x'.repeat(4 * 1024 * 1024 + 1);
    const refused = await nurse.post('/api/v1/results/imports', { format: 'csv', content: huge });
    expect(refused.status).toBe(413);
    expect(refused.body!.code).toBe('import_too_large');
    // Other routes keep the global limit.
    const other = await nurse.post('/api/v1/patients', { givenName: 'x'.repeat(2 * 1024 * 1024) });
    expect(other.status).toBe(413);
  });

  it('lets only providers and nurses import', async () => {
    const patient = await signedInPatient(testApp);
    const body = { format: 'csv', content: `${HEADER}\r\n` };
    expect((await admin.post('/api/v1/results/imports', body)).status).toBe(403);
    expect((await patient.post('/api/v1/results/imports', body)).status).toBe(403);
  });
});
