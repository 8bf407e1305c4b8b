import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailService } from '../src/infra/mail/mail.service.js';
import { QueueService } from '../src/infra/queue/queue.service.js';
import { newId } from '../src/infra/database/ids.js';
import { startSmtpSink, waitFor } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Every queue test runs on BullMQ's PostgreSQL backend, and on Redis too when REDIS_URL is set.
const backends: [backend: string, redisUrl: string][] = [
  ['postgres', ''],
  ...(process.env.REDIS_URL ? [['redis', process.env.REDIS_URL] as [string, string]] : []),
];

describe.each(backends)('mail queue on the %s backend', (backend, redisUrl) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let testApp: TestApp;
  let mail: MailService;
  let db: DataSource;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: smtp.url, REDIS_URL: redisUrl }, { runWorkers: true });
    mail = testApp.app.get(MailService);
    db = testApp.app.get(getDataSourceToken());
    expect(testApp.app.get(QueueService).backendKind).toBe(backend);
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  const deliveryRow = async (id: string) =>
    (await db.query('SELECT * FROM mail_delivery WHERE id = $1', [id]))[0];

  it('delivers through SMTP, marks the row sent and keeps no copy of the content', async () => {
    const to = `patient-${newId()}@example.test`;
    const id = await mail.send({
      template: 'test',
      to,
      subject: 'Your portal invitation',
      text: 'Open https://portal.localhost/register?token=abc to join.',
    });
    const message = await waitFor(() => smtp.received.find((m) => m.to.includes(to)));
    expect(message.raw).toContain('Subject: Your portal invitation');
    expect(message.raw).toContain(`Message-ID: <${id}@portal.localhost>`);
    const row = await waitFor(async () => {
      const r = await deliveryRow(id);
      return r.status === 'sent' ? r : null;
    });
    expect(row.text_body).toBeNull();
    expect(row.html_body).toBeNull();
    expect(row.attempts).toBe(1);
  });

  it('sends one email when the same job is dispatched twice', async () => {
    const to = `twice-${newId()}@example.test`;
    const id = await mail.send({ template: 'test', to, subject: 'Once', text: 'Only once.' });
    await mail.dispatch(id);
    await waitFor(async () => (await deliveryRow(id)).status === 'sent');
    await mail.dispatch(id); // a late duplicate after the send
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('re-queues at start-up an email recorded but never queued (a crash in between)', async () => {
    const to = `orphan-${newId()}@example.test`;
    const id = await mail.record({ template: 'test', to, subject: 'Orphan', text: 'Recovered.' });
    // No dispatch: the process "crashed" here. Start-up recovery must find it.
    await mail.requeueUnsent();
    await waitFor(() => smtp.received.find((m) => m.to.includes(to)));
    expect(
      (
        await waitFor(async () => {
          const r = await deliveryRow(id);
          return r.status === 'sent' ? r : null;
        })
      ).status,
    ).toBe('sent');
  });

  it('re-queues a backlog batch by batch, each email once', async () => {
    const to = `backlog-${newId()}@example.test`;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      ids.push(
        await mail.record({ template: 'test', to, subject: `Backlog ${n}`, text: 'Later.' }),
      );
    }
    // Batches of two: three round trips for these five (and any other unsent rows).
    expect(await mail.requeueUnsent(2)).toBeGreaterThanOrEqual(5);
    await mail.requeueUnsent(2); // a second start finds them queued already
    await waitFor(async () => {
      const rows = await db.query(
        `SELECT count(*)::int AS sent FROM mail_delivery WHERE id = ANY($1) AND status = 'sent'`,
        [ids],
      );
      return rows[0].sent === ids.length;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(ids.length);
  });

  it('records a refused delivery and retries it later instead of losing it', async () => {
    smtp.refuseAll(true);
    try {
      const to = `refused-${newId()}@example.test`;
      const id = await mail.send({ template: 'test', to, subject: 'Retry', text: 'Retry me.' });
      const row = await waitFor(async () => {
        const r = await deliveryRow(id);
        return r.attempts >= 1 ? r : null;
      });
      expect(row.status).toBe('queued');
      expect(row.last_error).toMatch(/mailbox unavailable/);
      expect(row.text_body).not.toBeNull();
      const counts = await testApp.app.get(QueueService).counts();
      expect(counts.mail.delayed).toBeGreaterThanOrEqual(1);
    } finally {
      smtp.refuseAll(false);
    }
  });
});
