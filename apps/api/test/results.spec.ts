import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { signedInPatient } from './support/appointment-flow.js';
import { mailsTo, readMail, signedInStaff } from './support/invitation-flow.js';
import { addGlucoseHistory, lipidPanel, TINY_PDF } from './support/results-fixtures.js';
import { startSmtpSink, waitFor } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://portal.test';

describe('test results', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let testApp: TestApp;
  let db: DataSource;
  let nurse: Awaited<ReturnType<typeof signedInStaff>>;
  let provider: Awaited<ReturnType<typeof signedInStaff>>;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;
  let desk: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await startTestApp(
      { SMTP_URL: smtp.url, PUBLIC_URL, STAFF_SECOND_FACTOR_REQUIRED: 'false' },
      { runWorkers: true },
    );
    db = testApp.app.get(getDataSourceToken());
    nurse = await signedInStaff(testApp, ['nurse']);
    provider = await signedInStaff(testApp, ['provider']);
    admin = await signedInStaff(testApp, ['admin']);
    desk = await signedInStaff(testApp, ['front-desk']);
    // Imaging waits for a provider in these tests; laboratory keeps the default (immediate).
    const policy = await admin.request('PUT', '/api/v1/results/release-policy', {
      items: [{ category: 'imaging', mode: 'review' }],
    });
    expect(policy.status).toBe(200);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  const results = (patientId: string) => `/api/v1/patients/${patientId}/results`;
  const resultMails = (address: string) =>
    mailsTo(smtp.received, address)
      .map(readMail)
      .filter((mail) => mail.subject === 'A new test result is available');
  const auditActions = async (patientId: string) =>
    (
      (await db.query(`SELECT action FROM audit_event WHERE patient_id = $1`, [patientId])) as {
        action: string;
      }[]
    ).map((row) => row.action);

  it('stores a lab result with ranges and flags from the LOINC list, released at once', async () => {
    const patient = await signedInPatient(testApp);
    const created = await nurse.post(results(patient.patient.id), lipidPanel());
    expect(created.status).toBe(201);
    const report = created.body!;
    expect(report).toMatchObject({
      category: 'laboratory',
      code: '24331-1',
      title: 'Lipid panel',
      releaseState: 'released',
      abnormal: true,
      isNew: false,
      observationCount: 2,
      corrected: false,
      hasAttachment: false,
    });
    const [cholesterol, glucose] = report.observations;
    expect(cholesterol).toMatchObject({
      code: '2093-3',
      valueQuantity: 150,
      unit: 'mg/dL',
      referenceHigh: 200,
      interpretation: 'N',
      abnormal: false,
    });
    expect(glucose).toMatchObject({
      code: '2345-7',
      display: 'Glucose [Mass/volume] in Serum or Plasma',
      plainName: 'Blood sugar',
      referenceLow: 70,
      referenceHigh: 99,
      interpretation: 'H',
      abnormal: true,
    });

    // The patient sees it as new until they open it once.
    const list = await patient.get(results(patient.patient.id));
    expect(list.status).toBe(200);
    expect(list.body!.items).toEqual([
      expect.objectContaining({ id: report.id, isNew: true, abnormal: true }),
    ]);
    const opened = await patient.get(`${results(patient.patient.id)}/${report.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body!.observations).toHaveLength(2);
    const again = await patient.get(results(patient.patient.id));
    expect(again.body!.items[0].isNew).toBe(false);
    const firstView = await db.query(`SELECT first_viewed_at FROM result_report WHERE id = $1`, [
      report.id,
    ]);
    expect(firstView[0].first_viewed_at).toBeInstanceOf(Date);

    // The notice names neither the test nor its values.
    const mail = await waitFor(() => resultMails(patient.patient.email!)[0]);
    expect(mail.text).toContain('A new test result is available in your patient portal.');
    expect(mail.text).toContain(`${PUBLIC_URL}/results`);
    for (const secret of ['Lipid', 'Glucose', 'Cholesterol', '120', '150', 'mg/dL']) {
      expect(mail.text).not.toContain(secret);
      expect(mail.html).not.toContain(secret);
    }
    expect(await auditActions(patient.patient.id)).toEqual(
      expect.arrayContaining(['result.create', 'result.list', 'result.read']),
    );
  });

  it('computes L for a value below the range and keeps an interpretation that is given', async () => {
    const patient = await signedInPatient(testApp);
    const created = await nurse.post(
      results(patient.patient.id),
      lipidPanel({
        observations: [
          { code: '2345-7', valueQuantity: 65, unit: 'mg/dL' },
          { code: '2093-3', valueQuantity: 150, unit: 'mg/dL', interpretation: 'A' },
          { code: '2345-7', valueQuantity: 5.5, unit: 'mmol/L' },
        ],
      }),
    );
    expect(created.status).toBe(201);
    const [low, given, otherUnit] = created.body!.observations;
    expect(low.interpretation).toBe('L');
    expect(given.interpretation).toBe('A');
    // The list's range is in mg/dL: it is not applied to a value in mmol/L.
    expect(otherUnit).toMatchObject({ referenceLow: null, interpretation: null, abnormal: false });
  });

  it('names each wrong code or unit and stores nothing', async () => {
    const patient = await signedInPatient(testApp);
    const response = await nurse.post(
      results(patient.patient.id),
      lipidPanel({
        observations: [
          { code: '2093-3', valueQuantity: 150, unit: 'mg/dL' },
          { code: '9999-9', valueQuantity: 1, unit: 'mg/dL' },
          { code: '2345-7', valueQuantity: 90, unit: 'kg' },
          { code: '2345-7', valueQuantity: 90 },
        ],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body!.code).toBe('validation_failed');
    const fields = response.body!.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual([
      'observations[1].code',
      'observations[2].unit',
      'observations[3].unit',
    ]);
    expect(response.body!.errors[0].message).toBe('Unknown LOINC code 9999-9.');
    expect(response.body!.errors[1].message).toMatch(
      /kg is not a unit for Glucose.*mg\/dL or mmol\/L/,
    );
    const stored = await db.query(
      `SELECT count(*)::int AS n FROM result_report WHERE patient_id = $1`,
      [patient.patient.id],
    );
    expect(stored[0].n).toBe(0);
  });

  it('holds a report for review: invisible to the patient until a provider releases it', async () => {
    const patient = await signedInPatient(testApp);
    const created = await nurse.post(
      results(patient.patient.id),
      lipidPanel({
        category: 'imaging',
        code: null,
        title: 'Chest X-ray with glucose',
        narrative: 'No acute findings.',
        observations: [{ code: '2345-7', valueQuantity: 88, unit: 'mg/dL' }],
      }),
    );
    expect(created.status).toBe(201);
    const report = created.body!;
    expect(report).toMatchObject({ releaseState: 'held', releasedAt: null });

    const patientId = patient.patient.id;
    expect((await patient.get(results(patientId))).body!.items).toEqual([]);
    expect((await patient.get(`${results(patientId)}/${report.id}`)).status).toBe(404);
    const trend = await patient.get(`/api/v1/patients/${patientId}/observations/trend?code=2345-7`);
    expect(trend.body!.points).toEqual([]);
    const staffTrend = await nurse.get(
      `/api/v1/patients/${patientId}/observations/trend?code=2345-7`,
    );
    expect(staffTrend.body!.points).toHaveLength(1);

    const queue = await provider.get('/api/v1/results/review-queue?limit=100');
    expect(queue.status).toBe(200);
    expect(queue.body!.total).toBeGreaterThanOrEqual(1);
    expect(Date.parse(queue.body!.oldestIssuedAt)).toBeLessThanOrEqual(Date.parse(report.issuedAt));
    const queued = queue.body!.items.find((item: { id: string }) => item.id === report.id);
    expect(queued).toMatchObject({ patient: { id: patientId, mrn: patient.patient.mrn } });
    expect((await nurse.get('/api/v1/results/review-queue')).status).toBe(403);
    expect(resultMails(patient.patient.email!)).toEqual([]);

    const release = `${results(patientId)}/${report.id}/release`;
    expect((await nurse.post(release, { version: report.version })).status).toBe(403);
    const stale = await provider.post(release, { version: report.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body!.code).toBe('record_changed');
    const released = await provider.post(release, { version: report.version });
    expect(released.status).toBe(200);
    expect(released.body!.releaseState).toBe('released');
    const twice = await provider.post(release, { version: report.version });
    expect(twice.status).toBe(409);
    expect(twice.body!.code).toBe('already_released');

    expect((await patient.get(results(patientId))).body!.items).toEqual([
      expect.objectContaining({ id: report.id, isNew: true }),
    ]);
    const points = await patient.get(
      `/api/v1/patients/${patientId}/observations/trend?code=2345-7`,
    );
    expect(points.body!.points).toHaveLength(1);
    expect(points.body).toMatchObject({ code: '2345-7', plainName: 'Blood sugar' });
    const mail = await waitFor(() => resultMails(patient.patient.email!)[0]);
    for (const secret of ['X-ray', 'Chest', 'glucose', '88', 'No acute']) {
      expect(mail.text).not.toContain(secret);
    }
    expect(await auditActions(patientId)).toEqual(expect.arrayContaining(['result.release']));
  });

  it('releases a result to a patient with no email address on file, without a notice', async () => {
    const patient = await signedInPatient(testApp, { email: null });
    const created = await nurse.post(results(patient.patient.id), lipidPanel());
    expect(created.status).toBe(201);
    expect(created.body!.releaseState).toBe('released');
    expect((await patient.get(results(patient.patient.id))).body!.items).toHaveLength(1);
  });

  it('corrects a value with history for staff; the patient sees it marked corrected', async () => {
    const patient = await signedInPatient(testApp);
    const patientId = patient.patient.id;
    const report = (await nurse.post(results(patientId), lipidPanel())).body!;
    const glucose = report.observations[1];
    const path = `${results(patientId)}/${report.id}/observations/${glucose.id}`;

    const corrected = await provider.request('PATCH', path, {
      version: glucose.version,
      valueQuantity: 95,
      reason: 'Sample re-run',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      valueQuantity: 95,
      status: 'corrected',
      corrected: true,
      interpretation: 'N',
      version: 2,
    });
    const stale = await provider.request('PATCH', path, {
      version: glucose.version,
      valueQuantity: 96,
      reason: 'Again',
    });
    expect(stale.status).toBe(409);
    expect(stale.body!.code).toBe('record_changed');

    const seen = await patient.get(`${results(patientId)}/${report.id}`);
    expect(seen.body).toMatchObject({ status: 'corrected', corrected: true, abnormal: false });
    expect(seen.body!.observations[1]).toMatchObject({ valueQuantity: 95, corrected: true });

    const history = await nurse.get(`${path}/history`);
    expect(history.status).toBe(200);
    expect(history.body!.items).toEqual([
      expect.objectContaining({
        version: 1,
        reason: 'Sample re-run',
        changedBy: { id: provider.account.id, displayName: expect.any(String) },
        snapshot: expect.objectContaining({ valueQuantity: 120, interpretation: 'H' }),
      }),
    ]);
    expect((await patient.get(`${path}/history`)).status).toBe(403);
    expect((await patient.request('PATCH', path, { version: 2, reason: 'x' })).status).toBe(403);

    // Entered in error: gone for the patient, still there for staff.
    const withdrawn = await provider.request('PATCH', path, {
      version: 2,
      status: 'entered-in-error',
      reason: 'Wrong patient',
    });
    expect(withdrawn.status).toBe(200);
    const after = await patient.get(`${results(patientId)}/${report.id}`);
    expect(after.body!.observations.map((o: { id: string }) => o.id)).not.toContain(glucose.id);
    const staff = await nurse.get(`${results(patientId)}/${report.id}`);
    expect(staff.body!.observations).toHaveLength(2);
    expect(await auditActions(patientId)).toEqual(
      expect.arrayContaining(['observation.update', 'observation.history']),
    );
  });

  it('keeps each patient to their own results and front-desk staff out', async () => {
    const a = await signedInPatient(testApp);
    const b = await signedInPatient(testApp);
    const report = (await nurse.post(results(b.patient.id), lipidPanel())).body!;
    expect((await a.get(results(b.patient.id))).status).toBe(404);
    expect((await a.get(`${results(b.patient.id)}/${report.id}`)).status).toBe(404);
    expect((await a.get(`${results(a.patient.id)}/${report.id}`)).status).toBe(404);
    expect((await desk.get(results(b.patient.id))).status).toBe(403);
    expect((await desk.get(`/api/v1/patients/${b.patient.id}/vitals`)).status).toBe(403);
    expect((await desk.post(results(b.patient.id), lipidPanel())).status).toBe(403);
    expect((await b.post(results(b.patient.id), lipidPanel())).status).toBe(403);
    expect((await admin.get(results(b.patient.id))).status).toBe(200);
    expect((await admin.post(results(b.patient.id), lipidPanel())).status).toBe(403);
    expect((await nurse.get('/api/v1/results/release-policy')).status).toBe(200);
    expect(
      (
        await nurse.request('PUT', '/api/v1/results/release-policy', {
          items: [{ category: 'other', mode: 'review' }],
        })
      ).status,
    ).toBe(403);
  });

  it('takes a PDF attachment only, up to 5 MB, and serves it back', async () => {
    const patient = await signedInPatient(testApp);
    const patientId = patient.patient.id;
    const notPdf = await nurse.post(
      results(patientId),
      lipidPanel({
        attachment: { name: 'x.pdf', contentBase64: Buffer.from('hello').toString('base64') },
      }),
    );
    expect(notPdf.status).toBe(400);
    expect(notPdf.body!.errors).toEqual([
      { field: 'attachment.contentBase64', message: 'Attach a PDF file.' },
    ]);
    const huge = Buffer.concat([TINY_PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await nurse.post(
      results(patientId),
      lipidPanel({ attachment: { name: 'big.pdf', contentBase64: huge.toString('base64') } }),
    );
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body!.errors[0].field).toBe('attachment.contentBase64');

    const plain = (await nurse.post(results(patientId), lipidPanel())).body!;
    expect((await patient.get(`${results(patientId)}/${plain.id}/attachment`)).status).toBe(404);
    const created = await nurse.post(
      results(patientId),
      lipidPanel({
        attachment: { name: 'lipids.pdf', contentBase64: TINY_PDF.toString('base64') },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ hasAttachment: true, attachmentName: 'lipids.pdf' });
    const download = await testApp.fetch(`${results(patientId)}/${created.body!.id}/attachment`, {
      headers: {
        cookie: [...patient.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="lipids.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(TINY_PDF)).toBe(true);
  });

  it('records vital signs, visible at once, and refuses codes that are not vital signs', async () => {
    const patient = await signedInPatient(testApp);
    const path = `/api/v1/patients/${patient.patient.id}/vitals`;
    const created = await nurse.post(path, {
      effectiveAt: '2026-03-02T09:00:00Z',
      observations: [
        { code: '8867-4', valueQuantity: 72, unit: '/min' },
        { code: '8480-6', valueQuantity: 150, unit: 'mm[Hg]' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body!.items).toHaveLength(2);
    const wrong = await nurse.post(path, {
      effectiveAt: '2026-03-02T09:00:00Z',
      observations: [
        { code: '8867-4', valueQuantity: 72, unit: 'kg' },
        { code: '2345-7', valueQuantity: 90, unit: 'mg/dL' },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body!.errors.map((e: { field: string }) => e.field)).toEqual([
      'observations[0].unit',
      'observations[1].code',
    ]);
    const list = await patient.get(path);
    expect(list.status).toBe(200);
    expect(list.body!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '8867-4', valueQuantity: 72, interpretation: 'N' }),
        expect.objectContaining({
          code: '8480-6',
          plainName: 'Blood pressure (top number)',
          interpretation: 'H',
          abnormal: true,
        }),
      ]),
    );
    const systolic = await patient.get(`${path}?code=8480-6`);
    expect(systolic.body!.items).toHaveLength(1);
  });

  it('pages results newest first and filters them', async () => {
    const patient = await signedInPatient(testApp);
    const patientId = patient.patient.id;
    for (const day of ['01', '02', '03']) {
      await nurse.post(results(patientId), lipidPanel({ effectiveAt: `2026-02-${day}T10:00:00Z` }));
    }
    await nurse.post(
      results(patientId),
      lipidPanel({
        effectiveAt: '2026-02-04T10:00:00Z',
        observations: [{ code: '2093-3', valueQuantity: 150, unit: 'mg/dL' }],
      }),
    );
    const first = await patient.get(`${results(patientId)}?limit=2`);
    expect(first.body!.items.map((i: { effectiveAt: string }) => i.effectiveAt)).toEqual([
      '2026-02-04T10:00:00.000Z',
      '2026-02-03T10:00:00.000Z',
    ]);
    const second = await patient.get(
      `${results(patientId)}?limit=2&cursor=${first.body!.nextCursor}`,
    );
    expect(second.body!.items).toHaveLength(2);
    expect(second.body!.nextCursor).toBeNull();
    const abnormal = await patient.get(`${results(patientId)}?abnormal=true`);
    expect(abnormal.body!.items).toHaveLength(3);
    const ranged = await patient.get(`${results(patientId)}?from=2026-02-02&to=2026-02-03`);
    expect(ranged.body!.items).toHaveLength(2);
    expect((await patient.get(`${results(patientId)}?cursor=nonsense`)).status).toBe(400);
  });

  it('answers lists and trends in a fixed number of queries, whatever the history', async () => {
    const short = await signedInPatient(testApp);
    const long = await signedInPatient(testApp);
    await addGlucoseHistory(db, short.patient.id, 5);
    await addGlucoseHistory(db, long.patient.id, 500);
    const count = async (
      client: Awaited<ReturnType<typeof signedInPatient>>,
      path: string,
    ): Promise<number> => {
      const response = await client.get(`/api/v1/patients/${client.patient.id}/${path}`);
      expect(response.status).toBe(200);
      return Number(response.headers.get('x-query-count'));
    };
    for (const path of [
      'results?limit=100',
      'observations/trend?code=2345-7&limit=500',
      'vitals?limit=100',
    ]) {
      const few = await count(short, path);
      const many = await count(long, path);
      expect(few).toBeGreaterThan(0);
      expect(many).toBe(few);
    }
    const trend = await long.get(
      `/api/v1/patients/${long.patient.id}/observations/trend?code=2345-7&limit=500`,
    );
    const times = trend.body!.points.map((p: { effectiveAt: string }) => Date.parse(p.effectiveAt));
    expect(times).toHaveLength(500);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });
});
