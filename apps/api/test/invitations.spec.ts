import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { hashSecret } from '../src/common/one-time-codes.js';
import { MailService } from '../src/infra/mail/mail.service.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import { InvitationsService } from '../src/modules/invitations/invitations.service.js';
import { createPatientAccount, TEST_PASSWORD } from './support/accounts.js';
import {
  createPatient,
  mailsTo,
  newBrowser,
  readMail,
  signedInStaff,
  tokenIn,
  type TestPatient,
} from './support/invitation-flow.js';
import { type SmtpSink, startTestAppWithMail, waitFor } from './support/smtp-sink.js';
import type { TestApp } from './support/test-app.js';

const DAY_MS = 86_400_000;
const PUBLIC_URL = 'https://portal.test';
const CLINIC = 'Lakeside Test Clinic';

describe('portal invitations (staff side)', () => {
  let smtp: SmtpSink;
  let testApp: TestApp & { smtp: SmtpSink };
  let db: DataSource;
  let clock: Clock;

  beforeAll(async () => {
    testApp = await startTestAppWithMail(
      {
        PUBLIC_URL,
        CLINIC_NAME: CLINIC,
        STAFF_SECOND_FACTOR_REQUIRED: 'false',
      },
      { runWorkers: true },
    );
    smtp = testApp.smtp;
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
  });
  afterAll(() => testApp?.close());

  const frontDesk = () => signedInStaff(testApp, ['front-desk']);

  async function invited(staff?: Awaited<ReturnType<typeof frontDesk>>) {
    const desk = staff ?? (await frontDesk());
    const patient = await createPatient(desk);
    const response = await desk.post(`/api/v1/patients/${patient.id}/invitations`);
    expect(response.status).toBe(201);
    return {
      desk,
      patient: patient as TestPatient & { email: string },
      invitation: response.body!,
    };
  }

  const arrived = (address: string, count = 1) => smtp.mailTo(address, count);

  const checkLink = (token: string) =>
    newBrowser(testApp).request('GET', '/api/v1/registration/invitation', undefined, {
      'x-invitation-token': token,
    });

  it('emails a single-use link with the clinic name and expiry, and no health data', async () => {
    const { desk, patient, invitation } = await invited();
    expect(invitation).toMatchObject({
      patientId: patient.id,
      patientName: `${patient.givenName} ${patient.familyName}`,
      patientMrn: patient.mrn,
      email: patient.email,
      status: 'sent',
      locked: false,
      sendCount: 1,
      deliveryStatus: 'queued',
    });
    const expiresAt = new Date(invitation.expiresAt).getTime();
    expect(expiresAt - clock.now().getTime()).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(expiresAt - clock.now().getTime()).toBeLessThanOrEqual(7 * DAY_MS);

    const mail = await arrived(patient.email);
    const { subject, text, html } = readMail(mail);
    expect(subject).toContain(CLINIC);
    expect(text).toContain(CLINIC);
    expect(text).toMatch(new RegExp(`${PUBLIC_URL}/register#token=[A-Za-z0-9_-]{43}`));
    expect(text).toMatch(/expires on \w+ \d{1,2}, \d{4}/);
    expect(html).toContain(`href="${PUBLIC_URL}/register#token=`);
    const token = tokenIn(mail, PUBLIC_URL);
    for (const secret of [
      patient.dateOfBirth,
      '03/14/1979',
      patient.mrn,
      patient.familyName,
      patient.givenName,
      '+15550102000',
    ]) {
      expect(`${mail.raw}\n${text}\n${html}`).not.toContain(secret);
    }
    // The token is stored only as its hash, and the sent email keeps no copy of it.
    const [row] = await db.query(`SELECT * FROM invitation WHERE id = $1`, [invitation.id]);
    expect(row.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const delivery = await waitFor(async () => {
      const [d] = await db.query(`SELECT * FROM mail_delivery WHERE id = $1`, [
        row.mail_delivery_id,
      ]);
      return d.status === 'sent' ? d : null;
    });
    expect(delivery.text_body).toBeNull();
    expect((await checkLink(token)).status).toBe(200);

    const listed = await desk.get(`/api/v1/invitations?patientId=${patient.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body!.items).toEqual([
      expect.objectContaining({ id: invitation.id, status: 'sent', deliveryStatus: 'sent' }),
    ]);
  });

  it('refuses a patient without email (422), a second live invitation or an account (409)', async () => {
    const desk = await frontDesk();
    const noEmail = await createPatient(desk, { email: null });
    const refused = await desk.post(`/api/v1/patients/${noEmail.id}/invitations`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'patient_email_missing' });

    const { patient } = await invited(desk);
    const again = await desk.post(`/api/v1/patients/${patient.id}/invitations`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'invitation_still_valid' });
    expect(again.body!.detail).toMatch(/resend/i);

    const withAccount = await createPatient(desk);
    await testApp.app.get(AccountsService).create({
      kind: 'patient',
      username: `has-account-${withAccount.id}`,
      displayName: 'Robin',
      email: withAccount.email!,
      password: TEST_PASSWORD,
      patientId: withAccount.id,
    });
    const already = await desk.post(`/api/v1/patients/${withAccount.id}/invitations`);
    expect(already.status).toBe(409);
    expect(already.body).toMatchObject({ code: 'patient_has_account' });

    const unknown = await desk.post(
      '/api/v1/patients/0190a4c6-0000-7000-8000-000000000000/invitations',
    );
    expect(unknown.status).toBe(404);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM invitation WHERE patient_id = ANY($1)`,
      [[noEmail.id, withAccount.id]],
    );
    expect(count).toBe(0);
  });

  it('lets only front desk and admins manage invitations', async () => {
    const { patient, invitation } = await invited();
    const nurse = await signedInStaff(testApp, ['nurse']);
    const admin = await signedInStaff(testApp, ['admin']);
    const routes: [string, string][] = [
      ['POST', `/api/v1/patients/${patient.id}/invitations`],
      ['POST', `/api/v1/invitations/${invitation.id}/resend`],
      ['POST', `/api/v1/invitations/${invitation.id}/revoke`],
      ['GET', '/api/v1/invitations'],
    ];
    for (const [method, path] of routes) {
      const response = await nurse.request(method, path);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden' });
    }
    const { username, patient: own } = await createPatientAccount(testApp);
    const patientBrowser = newBrowser(testApp);
    await patientBrowser.login(username, TEST_PASSWORD);
    expect((await patientBrowser.post(`/api/v1/patients/${own.id}/invitations`)).status).toBe(403);
    expect((await patientBrowser.get('/api/v1/invitations')).status).toBe(403);
    expect((await patientBrowser.post(`/api/v1/invitations/${invitation.id}/revoke`)).status).toBe(
      403,
    );
    expect((await newBrowser(testApp).get('/api/v1/invitations')).status).toBe(401);
    expect((await admin.get(`/api/v1/invitations?patientId=${patient.id}`)).status).toBe(200);
  });

  it('expires after 7 days; a resend gives a new week', async () => {
    const { patient, invitation } = await invited();
    const token = tokenIn(await arrived(patient.email), PUBLIC_URL);
    clock.advance(7 * DAY_MS + 60_000);
    const expired = await checkLink(token);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'invitation_expired' });
    expect(expired.body!.detail).toMatch(/ask the clinic for a new invitation/i);

    const desk = await frontDesk(); // the earlier session ended while the clock moved on
    const listed = await desk.get(`/api/v1/invitations?patientId=${patient.id}&status=expired`);
    expect(listed.body!.items.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    const live = await desk.get(`/api/v1/invitations?patientId=${patient.id}&status=sent`);
    expect(live.body!.items).toEqual([]);

    const resent = await desk.post(`/api/v1/invitations/${invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'sent', sendCount: 2 });
    const fresh = tokenIn(await arrived(patient.email, 2), PUBLIC_URL);
    expect((await checkLink(fresh)).status).toBe(200);
  });

  it('resend kills the old link and the new one works', async () => {
    const { desk, patient, invitation } = await invited();
    const first = tokenIn(await arrived(patient.email), PUBLIC_URL);
    const resent = await desk.post(`/api/v1/invitations/${invitation.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: invitation.id, sendCount: 2 });
    const second = tokenIn(await arrived(patient.email, 2), PUBLIC_URL);
    expect(second).not.toBe(first);
    const old = await checkLink(first);
    expect(old.status).toBe(410);
    expect(old.body).toMatchObject({ code: 'invitation_replaced' });
    expect((await checkLink(second)).status).toBe(200);
  });

  it('revoke kills the link; revoked invitations cannot be resent', async () => {
    const { desk, patient, invitation } = await invited();
    const token = tokenIn(await arrived(patient.email), PUBLIC_URL);
    const revoked = await desk.post(`/api/v1/invitations/${invitation.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const link = await checkLink(token);
    expect(link.status).toBe(410);
    expect(link.body).toMatchObject({ code: 'invitation_revoked' });
    expect((await desk.post(`/api/v1/invitations/${invitation.id}/revoke`)).status).toBe(200);
    const resend = await desk.post(`/api/v1/invitations/${invitation.id}/resend`);
    expect(resend.status).toBe(409);
    expect(resend.body).toMatchObject({ code: 'invitation_already_revoked' });
    // A revoked invitation is not live: the patient can be invited afresh.
    expect((await desk.post(`/api/v1/patients/${patient.id}/invitations`)).status).toBe(201);
    for (const id of ['0190a4c6-0000-7000-8000-000000000000', 'not-an-id']) {
      expect((await desk.post(`/api/v1/invitations/${id}/revoke`)).status).toBe(404);
      expect((await desk.post(`/api/v1/invitations/${id}/resend`)).status).toBe(404);
    }
  });

  it('lists with filters and cursor pages, each with its email delivery state', async () => {
    const desk = await frontDesk();
    const { patient } = await invited(desk);
    const firstInvitation = (await desk.get(`/api/v1/invitations?patientId=${patient.id}`)).body!
      .items[0];
    await desk.post(`/api/v1/invitations/${firstInvitation.id}/revoke`);
    const second = await desk.post(`/api/v1/patients/${patient.id}/invitations`);
    const page1 = await desk.get(`/api/v1/invitations?patientId=${patient.id}&limit=1`);
    expect(page1.body!.items.map((i: { id: string }) => i.id)).toEqual([second.body!.id]);
    expect(page1.body!.items[0]).toMatchObject({
      status: 'sent',
      deliveryStatus: expect.stringMatching(/^(queued|sent)$/),
      patientName: `${patient.givenName} ${patient.familyName}`,
    });
    const page2 = await desk.get(
      `/api/v1/invitations?patientId=${patient.id}&limit=1&cursor=${page1.body!.nextCursor}`,
    );
    expect(page2.body!.items.map((i: { id: string; status: string }) => i.status)).toEqual([
      'revoked',
    ]);
    expect(page2.body!.nextCursor).toBeNull();
    const revokedOnly = await desk.get(
      `/api/v1/invitations?patientId=${patient.id}&status=revoked`,
    );
    expect(revokedOnly.body!.items.map((i: { id: string }) => i.id)).toEqual([firstInvitation.id]);
    for (const [query, field] of [
      ['limit=101', 'limit'],
      ['status=lost', 'status'],
      ['patientId=42', 'patientId'],
      ['cursor=abc', 'cursor'],
      ['mine=true', 'mine'],
    ]) {
      const response = await desk.get(`/api/v1/invitations?${query}`);
      expect(response.status).toBe(400);
      expect(response.body!.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('audits a list with one row per patient shown, in one statement', async () => {
    const desk = await frontDesk();
    await invited(desk);
    await invited(desk);
    const admin = await signedInStaff(testApp, ['admin']);
    // Every statement TypeORM sends passes through its logger's logQuery.
    const logger = db.logger;
    const original = logger.logQuery;
    const queries: string[] = [];
    logger.logQuery = (sql, parameters, runner) => {
      queries.push(sql);
      return original.call(logger, sql, parameters, runner);
    };
    let listed;
    try {
      listed = await admin.get('/api/v1/invitations?limit=5');
    } finally {
      logger.logQuery = original;
    }
    expect(listed.status).toBe(200);
    expect(queries.filter((sql) => /audit_event/.test(sql))).toHaveLength(1);
    const shown = [
      ...new Set(listed.body!.items.map((i: { patientId: string }) => i.patientId)),
    ] as string[];
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const rows: { patient_id: string; resource_type: string; resource_id: string }[] =
      await db.query(
        `SELECT patient_id, resource_type, resource_id FROM audit_event
          WHERE actor_account_id = $1 AND action = 'invitation.list' ORDER BY patient_id`,
        [admin.account.id],
      );
    expect(rows).toEqual(
      shown.sort().map((id) => ({ patient_id: id, resource_type: 'patient', resource_id: id })),
    );
  });

  it('sends an invitation committed without its job once the mail is re-queued', async () => {
    const desk = await frontDesk();
    const patient = (await createPatient(desk)) as TestPatient & { email: string };
    const invitations = testApp.app.get(InvitationsService);
    // The transaction commits and the "process" dies before queueing the email.
    const recorded = await invitations.record(patient.id, {
      principal: {
        accountId: desk.account.id,
        kind: 'staff',
        roles: ['front-desk'],
        patientId: null,
        sessionIdHash: Buffer.alloc(32),
      },
      context: { ip: '127.0.0.1', userAgent: null, requestId: 'crash-test' },
    });
    const listed = await desk.get(`/api/v1/invitations?patientId=${patient.id}`);
    expect(listed.body!.items[0]).toMatchObject({ status: 'pending', deliveryStatus: 'queued' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsTo(smtp.received, patient.email)).toHaveLength(0);

    // What start-up does: the mail service re-queues it; the invitation is marked sent.
    await testApp.app.get(MailService).requeueUnsent();
    const mail = await arrived(patient.email);
    expect(tokenIn(mail, PUBLIC_URL)).toHaveLength(43);
    await invitations.resumeUnsent();
    const after = await desk.get(`/api/v1/invitations?patientId=${patient.id}`);
    expect(after.body!.items[0]).toMatchObject({ id: recorded.id, status: 'sent' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsTo(smtp.received, patient.email)).toHaveLength(1);
  });

  it('audits every change and refusal with the patient id', async () => {
    const { desk, patient, invitation } = await invited();
    await desk.post(`/api/v1/patients/${patient.id}/invitations`); // refused: still valid
    await desk.post(`/api/v1/invitations/${invitation.id}/resend`);
    await desk.post(`/api/v1/invitations/${invitation.id}/revoke`);
    await desk.get(`/api/v1/invitations?patientId=${patient.id}`);
    const rows: { action: string; outcome: string; actor_account_id: string; ip: string }[] =
      await db.query(
        `SELECT action, outcome, actor_account_id, ip FROM audit_event
          WHERE patient_id = $1 AND action LIKE 'invitation.%' ORDER BY occurred_at, id`,
        [patient.id],
      );
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual([
      'invitation.create:success',
      'invitation.create:failure',
      'invitation.resend:success',
      'invitation.revoke:success',
      'invitation.list:success',
    ]);
    expect(new Set(rows.map((r) => r.actor_account_id))).toEqual(new Set([desk.account.id]));
    expect(rows[0]!.ip).toMatch(/^10\./);
  });
});
