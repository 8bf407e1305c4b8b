import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { newId } from '../../src/infra/database/ids.js';
import { composeEmail, MAIL_SECRET } from '../../src/infra/mail/compose.js';
import { MailService } from '../../src/infra/mail/mail.service.js';
import { SendMailJob } from '../../src/infra/mail/send-mail.job.js';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import {
  createPatient,
  mailsTo,
  newBrowser,
  readMail,
  signedInStaff,
  tokenIn,
} from '../support/invitation-flow.js';
import { type SmtpSink, startTestAppWithMail } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

interface DeliveryRow {
  id: string;
  status: string;
  text_body: string | null;
  html_body: string | null;
  secret_sealed: string | null;
  last_error: string | null;
}

/** A link's token: the 256-bit base64url value at the end of a URL. */
const tokenInLink = (text: string) =>
  /https?:\/\/\S*?([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(text)?.[1] ?? null;

describe('secrets in stored emails', () => {
  let smtp: SmtpSink;
  let testApp: TestApp & { smtp: SmtpSink };
  let db: DataSource;
  let clock: Clock;

  beforeAll(async () => {
    // No workers: each test looks at the stored row before it sends it itself.
    testApp = await startTestAppWithMail(
      { STAFF_SECOND_FACTOR_REQUIRED: 'false' },
      { runWorkers: false },
    );
    smtp = testApp.smtp;
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
  });
  afterAll(() => testApp?.close());

  const newest = async (recipient: string, template: string): Promise<DeliveryRow> =>
    (
      await db.query(
        `SELECT * FROM mail_delivery WHERE recipient = $1 AND template = $2
          ORDER BY created_at DESC, id DESC LIMIT 1`,
        [recipient, template],
      )
    )[0];
  const row = async (id: string): Promise<DeliveryRow> =>
    (await db.query('SELECT * FROM mail_delivery WHERE id = $1', [id]))[0];
  const send = (id: string) =>
    testApp.app
      .get(SendMailJob)
      .handle({ deliveryId: id }, { jobId: id, attempt: 1, finalAttempt: false });

  /**
   * The stored row has neither the secret nor anything that yields it without the server
   * key; the delivered message has it, in text and HTML; once sent, nothing of it is kept.
   */
  async function expectSealedUntilSent(
    recipient: string,
    template: string,
    secretIn: (text: string) => string | null,
  ): Promise<string> {
    const stored = await newest(recipient, template);
    expect(stored).toMatchObject({ status: 'queued' });
    expect(stored.secret_sealed).toEqual(expect.any(String));
    const before = mailsTo(smtp.received, recipient).length;
    await send(stored.id);
    const delivered = readMail(await smtp.mailTo(recipient, before + 1));
    const secret = secretIn(delivered.text);
    expect(secret).toEqual(expect.any(String));
    expect(delivered.html).toContain(secret!);
    for (const kept of [stored.text_body, stored.html_body, stored.secret_sealed]) {
      expect(kept).not.toContain(secret!);
    }
    expect(await row(stored.id)).toMatchObject({
      status: 'sent',
      text_body: null,
      html_body: null,
      secret_sealed: null,
    });
    return secret!;
  }

  it('keeps an emailed sign-in code out of the stored email; the code delivered works', async () => {
    const { username, account } = await createPatientAccount(testApp, { secondFactor: 'email' });
    const browser = newBrowser(testApp);
    await browser.login(username, TEST_PASSWORD);
    const code = await expectSealedUntilSent(
      account.email,
      'login-code',
      (text) => /sign-in code is (\d{6})/.exec(text)?.[1] ?? null,
    );
    expect(
      (await browser.post('/api/v1/auth/login/verify', { code, method: 'email' })).status,
    ).toBe(200);
  });

  it('keeps a password-reset link out of the stored email; the link delivered works', async () => {
    const { username, account } = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    expect(
      (await browser.post('/api/v1/auth/password-reset', { identifier: username })).status,
    ).toBe(204);
    const token = await expectSealedUntilSent(account.email, 'password-reset', tokenInLink);
    const done = await browser.post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase for me',
    });
    expect(done.status).toBe(204);
  });

  it('keeps invitation links and registration codes out of stored emails', async () => {
    const desk = await signedInStaff(testApp, ['front-desk']);
    const patient = (await createPatient(desk)) as { id: string; email: string };
    expect((await desk.post(`/api/v1/patients/${patient.id}/invitations`)).status).toBe(201);
    await expectSealedUntilSent(patient.email, 'invitation', tokenInLink);
    const token = tokenIn(mailsTo(smtp.received, patient.email)[0]!, testApp.config.publicUrl);
    const browser = newBrowser(testApp);
    expect((await browser.post('/api/v1/registration/email-code', { token })).status).toBe(202);
    const code = await expectSealedUntilSent(
      patient.email,
      'registration-code',
      (text) => /verification code is (\d{6})/.exec(text)?.[1] ?? null,
    );
    expect(
      (await browser.post('/api/v1/registration/verify-identity', { token, emailCode: code }))
        .status,
    ).toBe(200);
  });

  it("keeps a new staff member's set-password link out of the stored email", async () => {
    const admin = await signedInStaff(testApp, ['admin']);
    const username = `sealed.staff-${newId().slice(-12)}`;
    const email = `${username}@example.test`;
    const created = await admin.post('/api/v1/staff', {
      username,
      displayName: 'Sealed Newhire',
      email,
      roles: ['nurse'],
    });
    expect(created.status).toBe(201);
    await expectSealedUntilSent(email, 'staff-welcome', tokenInLink);
  });

  it('refuses to build an email that writes its secret into the body', () => {
    const base = { template: 't', to: 'a@example.test', subject: 's', clinicName: 'C' };
    const secret = { value: '123456', expiresAt: clock.now() };
    expect(() => composeEmail({ ...base, paragraphs: ['Your code is 123456.'], secret })).toThrow(
      /MAIL_SECRET/,
    );
    expect(
      composeEmail({ ...base, paragraphs: [`Your code is ${MAIL_SECRET}.`], secret }).text,
    ).not.toContain('123456');
  });

  // These move the clock: they come last.

  it('never sends a sign-in code that expired in the queue, and erases it', async () => {
    const { username, account } = await createPatientAccount(testApp, { secondFactor: 'email' });
    await newBrowser(testApp).login(username, TEST_PASSWORD);
    const stored = await newest(account.email, 'login-code');
    clock.advance(10 * 60_000 + 1_000);
    await send(stored.id);
    expect(mailsTo(smtp.received, account.email)).toHaveLength(0);
    expect(await row(stored.id)).toMatchObject({
      status: 'failed',
      text_body: null,
      html_body: null,
      secret_sealed: null,
    });
  });

  it('erases at start-up the secrets of unsent emails that have expired', async () => {
    const mail = testApp.app.get(MailService);
    const id = await mail.record(
      composeEmail({
        template: 'password-reset',
        to: `expired-${newId()}@example.test`,
        subject: 'Reset',
        paragraphs: ['Reset it.'],
        action: { label: 'Reset', url: `https://portal.test/reset-password#token=${MAIL_SECRET}` },
        secret: { value: 'x'.repeat(43), expiresAt: new Date(clock.now().getTime() + 60_000) },
        clinicName: 'C',
      }),
    );
    expect((await row(id)).secret_sealed).toEqual(expect.any(String));
    clock.advance(2 * 60_000);
    await mail.requeueUnsent();
    expect(await row(id)).toMatchObject({
      status: 'failed',
      text_body: null,
      html_body: null,
      secret_sealed: null,
    });
  });
});
