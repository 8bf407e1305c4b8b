import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QueueService } from '../src/infra/queue/queue.service.js';
import { EPrescribingPort } from '../src/modules/refills/eprescribing.js';
import {
  sendPrescriptionJobId,
  SendPrescriptionJob,
} from '../src/modules/refills/send-prescription.job.js';
import { signedInPatient } from './support/appointment-flow.js';
import { readMail, signedInStaff } from './support/invitation-flow.js';
import { addMedication, createPharmacy, refillsOf, requestRefill } from './support/refills.js';
import { startTestAppWithMail, waitFor } from './support/smtp-sink.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PUBLIC_URL = 'https://portal.test';

describe('sending approved refills and telling the patient', () => {
  let testApp: Awaited<ReturnType<typeof startTestAppWithMail>>;
  let db: DataSource;
  let dataDir: string;
  let nurse: Awaited<ReturnType<typeof signedInStaff>>;
  let pharmacy: Awaited<ReturnType<typeof createPharmacy>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'portal-refills-'));
    testApp = await startTestAppWithMail({
      PUBLIC_URL,
      DATA_DIR: dataDir,
      STAFF_SECOND_FACTOR_REQUIRED: 'false',
    });
    db = testApp.app.get(getDataSourceToken());
    nurse = await signedInStaff(testApp, ['nurse']);
    pharmacy = await createPharmacy(db);
  });
  afterAll(async () => {
    await testApp?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const messageFile = (requestId: string) =>
    path.join(dataDir, 'eprescribing', `refill-${requestId}.xml`);
  const staffView = async (id: string) =>
    (await nurse.get(`/api/v1/refill-requests/${id}`)).body as Body;
  const sent = (id: string) =>
    waitFor(async () => {
      const view = await staffView(id);
      return view.sendStatus === 'sent' ? view : null;
    });

  it('sends a refill as a NewRx through the port, once, with only the id in the job', async () => {
    const patient = await signedInPatient(testApp);
    const medication = await addMedication(db, patient.patient.id, { refillsRemaining: 2 });
    const [made] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
    const approved = await nurse.post(`/api/v1/refill-requests/${made!.id}/approve`, {
      quantity: 90,
    });
    expect(approved.status).toBe(200);
    const view = await sent(made!.id);
    expect(view.history.map((entry: Body) => [entry.event, entry.toStatus, entry.byKind])).toEqual([
      ['status', 'requested', 'patient'],
      ['status', 'approved', 'staff'],
      ['sent', 'approved', 'portal'],
    ]);
    expect(view.history[2].reason).toContain(pharmacy.ncpdpId);
    const message = await readFile(messageFile(made!.id), 'utf8');
    expect(message).toContain('<NewRx>');
    expect(message).toContain(`<NCPDPID>${pharmacy.ncpdpId}</NCPDPID>`);
    expect(message).toContain('<MessageID>refill-' + made!.id + '</MessageID>');
    expect(message).toContain('<Value>90</Value>');
    expect(message).toContain('<NumberOfRefills>1</NumberOfRefills>');
    expect(message).toContain('lisinopril 10 MG Oral Tablet');
    // The job carries the request id and nothing else.
    const job = (await testApp.app
      .get(QueueService)
      .queue('prescriptions')
      .getJob(sendPrescriptionJobId(made!.id))) as unknown as { data: unknown } | undefined;
    expect(job?.data).toEqual({ refillRequestId: made!.id });
    // A repeated delivery of the job sends nothing more.
    const port = testApp.app.get(EPrescribingPort);
    const send = jest.spyOn(port, 'send');
    await testApp.app.get(SendPrescriptionJob).handle({ refillRequestId: made!.id });
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
    const files = (await readdir(path.join(dataDir, 'eprescribing'))).filter((name) =>
      name.includes(made!.id),
    );
    expect(files).toEqual([`refill-${made!.id}.xml`]);
  });

  it('shows “waiting” while a failed send is retried by the queue, then sends a renewal once', async () => {
    const patient = await signedInPatient(testApp);
    const medication = await addMedication(db, patient.patient.id, { refillsRemaining: 0 });
    const [made] = await requestRefill(patient, patient.patient.id, [medication], pharmacy.id);
    const port = testApp.app.get(EPrescribingPort);
    let failed!: () => void;
    const failure = new Promise<void>((resolve) => (failed = resolve));
    const send = jest.spyOn(port, 'send').mockImplementationOnce(() => {
      failed();
      return Promise.reject(new Error('pharmacy network unavailable'));
    });
    try {
      const approved = await nurse.post(`/api/v1/refill-requests/${made!.id}/approve`, {});
      expect(approved.body).toMatchObject({ sendStatus: 'waiting', approvedRefills: 11 });
      await failure;
      expect((await staffView(made!.id)).sendStatus).toBe('waiting');
      const view = await sent(made!.id);
      expect(send).toHaveBeenCalledTimes(2);
      expect(view.history.filter((entry: Body) => entry.event === 'sent')).toHaveLength(1);
      const message = await readFile(messageFile(made!.id), 'utf8');
      expect(message).toContain('<RxRenewalResponse>');
      expect(message).toContain('<Approved/>');
    } finally {
      send.mockRestore();
    }
  });

  it('emails the patient at each status change, naming no drug and linking to the medications page', async () => {
    const patient = await signedInPatient(testApp);
    const medication = await addMedication(db, patient.patient.id, {
      display: 'oxybutynin chloride 5 MG Oral Tablet',
      rxnormCode: '863669',
    });
    const made = await patient.post(refillsOf(patient.patient.id), {
      medicationIds: [medication],
      pharmacyId: pharmacy.id,
      note: 'Bladder pills running out',
    });
    expect(made.status).toBe(201);
    const id = made.body!.items[0].id as string;
    const address = patient.patient.email!;
    const mails = [readMail(await testApp.smtp.mailTo(address, 1))];
    await nurse.post(`/api/v1/refill-requests/${id}/review`, {});
    mails.push(readMail(await testApp.smtp.mailTo(address, 2)));
    await nurse.post(`/api/v1/refill-requests/${id}/deny`, {
      reasonCode: 'other',
      reason: 'Oxybutynin interacts with your new prescription',
    });
    mails.push(readMail(await testApp.smtp.mailTo(address, 3)));
    expect(mails.map((mail) => mail.text.split('\n')[0]!.trim())).toEqual([
      'We received your prescription refill request. Your care team will look at it soon.',
      'Your care team is reviewing your prescription refill request.',
      'Your prescription refill request was not approved. Sign in to see why and what to do next.',
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain(`${PUBLIC_URL}/health-record/medications`);
      for (const secret of ['oxybutynin', 'Oxybutynin', 'Bladder', pharmacy.name, 'interacts']) {
        expect(mail.text).not.toContain(secret);
        expect(mail.html).not.toContain(secret);
        expect(mail.subject).not.toContain(secret);
      }
    }
  });
});
