import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AttachmentStorage } from '../src/modules/messaging/attachment-storage.js';
import { MessagingRepository } from '../src/modules/messaging/messaging.repository.js';
import {
  SweepUnsentUploadJob,
  sweepUploadJobId,
  UnsentUploadSweeps,
} from '../src/modules/messaging/sweep-uploads.job.js';
import { QueueService } from '../src/infra/queue/queue.service.js';
import { signedInPatient } from './support/appointment-flow.js';
import { signedInStaff } from './support/invitation-flow.js';
import {
  conversationsOf,
  HTML_BYTES,
  newMessage,
  PDF_BYTES,
  PNG_BYTES,
  setUpMessaging,
  startConversation,
  uploadFile,
} from './support/messaging.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('message attachments', () => {
  let testApp: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    await setUpMessaging(testApp);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const storedFiles = (patientId: string) => {
    const folder = path.join(testApp.config.dataDir, 'message-attachments', patientId);
    return existsSync(folder) ? readdirSync(folder) : [];
  };
  const rowsOf = async (patientId: string) =>
    (await db.query(`SELECT id FROM message_attachment WHERE patient_id = $1`, [
      patientId,
    ])) as unknown[];

  it('takes PDF and PNG files, judged by their bytes, and sends them with a message', async () => {
    const patient = await signedInPatient(testApp);
    const pdf = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'Résumé de labo.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({
      fileName: 'Résumé de labo.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
    });
    // A PNG named .pdf is a PNG.
    const png = await uploadFile(patient, patient.patient.id, PNG_BYTES, 'scan.pdf');
    expect(png.body).toMatchObject({ contentType: 'image/png' });
    const conversation = await startConversation(patient, {
      attachmentIds: [pdf.body!.id, png.body!.id],
    });
    expect(conversation.messages.items[0].attachments.map((a: Body) => a.contentType)).toEqual([
      'application/pdf',
      'image/png',
    ]);

    // Downloads: always an attachment, the sniffed type, nosniff.
    const url = `${testApp.url}${conversationsOf(patient.patient.id)}/${conversation.id}/attachments/${pdf.body!.id}`;
    const cookie = [...patient.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const download = await fetch(url, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="R_sum_ de labo.pdf"; filename*=UTF-8''${encodeURIComponent('Résumé de labo.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF_BYTES);

    // Staff who read the pool download it too; another patient cannot.
    const nurse = await signedInStaff(testApp, ['nurse']);
    const staffUrl = `${testApp.url}/api/v1/conversations/${conversation.id}/attachments/${png.body!.id}`;
    const staffCookie = [...nurse.cookies]
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('; ');
    const staffDownload = await fetch(staffUrl, { headers: { cookie: staffCookie } });
    expect([staffDownload.status, staffDownload.headers.get('content-type')]).toEqual([
      200,
      'image/png',
    ]);
    const other = await signedInPatient(testApp);
    const theirs = await other.get(
      `${conversationsOf(other.patient.id)}/${conversation.id}/attachments/${pdf.body!.id}`,
    );
    expect(theirs.status).toBe(404);
    // A file already sent cannot be sent again.
    const again = await patient.post(conversationsOf(patient.patient.id), {
      ...newMessage(),
      attachmentIds: [pdf.body!.id],
    });
    expect(again.status).toBe(400);
    expect(again.body!.errors).toEqual([{ field: 'attachmentIds', message: expect.any(String) }]);
  });

  it('refuses other files with 415 naming the allowed types, and stores nothing', async () => {
    const patient = await signedInPatient(testApp);
    const html = await uploadFile(patient, patient.patient.id, HTML_BYTES, 'letter.pdf');
    expect(html.status).toBe(415);
    expect(html.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(html.body).toMatchObject({ code: 'unsupported_attachment_type' });
    for (const type of ['application/pdf', 'image/jpeg', 'image/png', 'image/heic']) {
      expect(html.body!.detail).toContain(type);
    }
    const wrongType = await uploadFile(
      patient,
      patient.patient.id,
      PDF_BYTES,
      'a.pdf',
      'text/plain',
    );
    expect([wrongType.status, wrongType.body!.code]).toEqual([415, 'unsupported_media_type']);
    const tooLarge = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await uploadFile(patient, patient.patient.id, tooLarge, 'big.pdf');
    expect(large.status).toBe(413);
    const noName = await uploadFile(patient, patient.patient.id, PDF_BYTES, '');
    expect(noName.status).toBe(400);
    expect(await rowsOf(patient.patient.id)).toEqual([]);
    expect(storedFiles(patient.patient.id)).toEqual([]);
    // At most five files per message.
    const six = Array.from({ length: 6 }, () => crypto.randomUUID());
    const tooMany = await patient.post(conversationsOf(patient.patient.id), {
      clientMessageId: crypto.randomUUID(),
      category: 'other',
      subject: 'Files',
      body: 'Six files',
      attachmentIds: six,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body!.errors[0].field).toBe('attachmentIds');
  });

  it('leaves nothing half-stored when the row or the bytes fail', async () => {
    const patient = await signedInPatient(testApp);
    const repository = testApp.app.get(MessagingRepository);
    const insert = jest
      .spyOn(repository, 'insertAttachment')
      .mockRejectedValueOnce(new Error('database went away'));
    const failedRow = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'a.pdf');
    expect(failedRow.status).toBe(500);
    insert.mockRestore();
    expect(await rowsOf(patient.patient.id)).toEqual([]);
    expect(storedFiles(patient.patient.id)).toEqual([]);

    const storage = testApp.app.get(AttachmentStorage);
    const put = jest.spyOn(storage, 'put').mockRejectedValueOnce(new Error('disk full'));
    const failedBytes = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'a.pdf');
    expect(failedBytes.status).toBe(500);
    put.mockRestore();
    expect(await rowsOf(patient.patient.id)).toEqual([]);

    const works = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'a.pdf');
    expect(works.status).toBe(201);
    expect(storedFiles(patient.patient.id)).toEqual([works.body!.id]);
  });

  describe('uploads no message took', () => {
    const DAY_MS = 24 * 3_600_000;
    const queuedSweep = (attachmentId: string) =>
      (
        testApp.app.get(QueueService).queue('reminders') as unknown as {
          getJob(id: string): Promise<{ delay: number; getState(): Promise<string> } | undefined>;
        }
      ).getJob(sweepUploadJobId(attachmentId));

    it('are removed, bytes and row, by their sweep a day later; a sent file stays', async () => {
      const patient = await signedInPatient(testApp);
      const unsent = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'left.pdf');
      const sent = await uploadFile(patient, patient.patient.id, PNG_BYTES, 'sent.png');
      await startConversation(patient, { attachmentIds: [sent.body!.id] });

      // Each upload queued its own sweep, delayed by the keep time (24 hours by default).
      const job = await queuedSweep(unsent.body!.id);
      expect(await job?.getState()).toBe('delayed');
      expect(job!.delay).toBeGreaterThan(DAY_MS - 60_000);
      expect(job!.delay).toBeLessThanOrEqual(DAY_MS);

      const sweep = testApp.app.get(SweepUnsentUploadJob);
      await sweep.handle({ attachmentId: unsent.body!.id });
      await sweep.handle({ attachmentId: sent.body!.id });
      // A second delivery of the same job finds nothing to do.
      await sweep.handle({ attachmentId: unsent.body!.id });
      expect(await rowsOf(patient.patient.id)).toEqual([{ id: sent.body!.id }]);
      expect(storedFiles(patient.patient.id)).toEqual([sent.body!.id]);
    });

    it('get their sweeps queued again at start when a job was lost', async () => {
      const patient = await signedInPatient(testApp);
      const first = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'one.pdf');
      const second = await uploadFile(patient, patient.patient.id, PDF_BYTES, 'two.pdf');
      const queue = testApp.app.get(QueueService);
      for (const upload of [first, second]) {
        await queue.removeJob('reminders', sweepUploadJobId(upload.body!.id));
        expect(await queuedSweep(upload.body!.id)).toBeUndefined();
      }
      // In batches of one, so the walk's paging is exercised.
      expect(await testApp.app.get(UnsentUploadSweeps).reconcile(1)).toBeGreaterThanOrEqual(2);
      for (const upload of [first, second]) {
        expect(await (await queuedSweep(upload.body!.id))?.getState()).toBe('delayed');
      }
    });
  });
});
