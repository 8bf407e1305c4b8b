import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import {
  codeIn,
  createPatient,
  newBrowser,
  readMail,
  signedInStaff,
  tokenIn,
  uniqueWord,
  type TestPatient,
} from './support/invitation-flow.js';
import { type SmtpSink, startTestAppWithMail } from './support/smtp-sink.js';
import type { TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://portal.test';
const CLINIC = 'Lakeside Test Clinic';
const DOB = '1979-03-14';
const GOOD_PASSWORD = 'a quiet lighthouse at dawn';
const MINUTE = 60_000;

type Field = { field: string; message: string };
/** The fields named by a validation problem, each once (a field may break several rules). */
const fieldsOf = (body: Record<string, unknown> | null) => [
  ...new Set(((body?.errors ?? []) as Field[]).map((error) => error.field)),
];

describe('registration from an invitation (patient side)', () => {
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

  const mailNumber = (address: string, count = 1) => smtp.mailTo(address, count);

  /** Front desk registers a patient and invites them; the patient's browser has the link. */
  async function invitedPatient() {
    const desk = await signedInStaff(testApp, ['front-desk']);
    const patient = (await createPatient(desk, {
      givenName: 'Morgan',
      preferredName: 'Mo',
      dateOfBirth: DOB,
    })) as TestPatient & { email: string };
    const invitation = await desk.post(`/api/v1/patients/${patient.id}/invitations`);
    expect(invitation.status).toBe(201);
    const token = tokenIn(await mailNumber(patient.email, 1), PUBLIC_URL);
    return {
      desk,
      patient,
      invitationId: invitation.body!.id as string,
      token,
      browser: newBrowser(testApp),
    };
  }

  type Browser = ReturnType<typeof newBrowser>;
  const check = (browser: Browser, token: string) =>
    browser.request('GET', '/api/v1/registration/invitation', undefined, {
      'x-invitation-token': token,
    });
  const verify = (browser: Browser, body: Record<string, unknown>) =>
    browser.post('/api/v1/registration/verify-identity', body);
  const complete = (browser: Browser, body: Record<string, unknown>) =>
    browser.post('/api/v1/registration/complete', body);
  async function ticketFor(browser: Browser, token: string): Promise<string> {
    const verified = await verify(browser, { token, dateOfBirth: DOB });
    expect(verified.status).toBe(200);
    return verified.body!.ticket as string;
  }
  const accountCount = async (username: string) =>
    (
      await db.query(
        `SELECT count(*)::int AS count FROM account WHERE lower(username) = lower($1)`,
        [username],
      )
    )[0].count as number;

  it('invite → email → date of birth → username and password → sign in', async () => {
    const { desk, patient, token, browser, invitationId } = await invitedPatient();
    const opened = await check(browser, token);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({
      status: 'valid',
      clinicName: CLINIC,
      expiresAt: expect.any(String),
      identityMethods: ['date-of-birth', 'email-code'],
      maskedEmail: expect.stringMatching(/^\w{1,2}\*\*\*@example\.test$/),
    });
    const verified = await verify(browser, { token, dateOfBirth: DOB });
    expect(verified.status).toBe(200);
    expect(verified.body!.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expiresIn = new Date(verified.body!.expiresAt).getTime() - clock.now().getTime();
    expect(expiresIn).toBeGreaterThan(29 * MINUTE);
    expect(expiresIn).toBeLessThanOrEqual(30 * MINUTE);

    const username = `Mo.${uniqueWord('r')}`;
    const done = await complete(browser, {
      ticket: verified.body!.ticket,
      username,
      password: GOOD_PASSWORD,
    });
    expect(done.status).toBe(201);
    expect(done.body).toEqual({ username });

    const signIn = await newBrowser(testApp).login(username.toLowerCase(), GOOD_PASSWORD);
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({
      status: 'signed-in',
      session: { user: { kind: 'patient', displayName: 'Mo', username } },
    });
    const account = await testApp.app.get(AccountsService).findByUsername(username);
    expect(account).toMatchObject({ patientId: patient.id, email: patient.email });

    // Every token and ticket is single use: a second try says it was used.
    const reused = await check(newBrowser(testApp), token);
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({ code: 'invitation_used' });
    expect((await verify(newBrowser(testApp), { token, dateOfBirth: DOB })).status).toBe(410);
    const again = await complete(newBrowser(testApp), {
      ticket: verified.body!.ticket,
      username: `${username}2`,
      password: GOOD_PASSWORD,
    });
    expect(again.status).toBe(410);
    expect(await accountCount(`${username}2`)).toBe(0);

    const listed = await desk.get(`/api/v1/invitations?patientId=${patient.id}`);
    expect(listed.body!.items[0]).toMatchObject({
      id: invitationId,
      status: 'accepted',
      acceptedAt: expect.any(String),
    });
    const rows: { action: string; outcome: string; actor_account_id: string | null }[] =
      await db.query(
        `SELECT action, outcome, actor_account_id FROM audit_event
          WHERE patient_id = $1 AND action LIKE 'registration.%' ORDER BY occurred_at, id`,
        [patient.id],
      );
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual([
      'registration.check-invitation:success',
      'registration.verify-identity:success',
      'registration.complete:success',
      'registration.check-invitation:failure',
      'registration.verify-identity:failure',
      'registration.complete:failure',
    ]);
    expect(rows.every((r) => r.actor_account_id === null)).toBe(true);
  });

  it('locks the invitation after 5 wrong dates of birth until staff resend it', async () => {
    const { desk, patient, token, browser, invitationId } = await invitedPatient();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await verify(browser, { token, dateOfBirth: `1980-01-0${attempt}` });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({ code: 'identity_not_confirmed' });
      expect(wrong.body!.errors).toEqual([
        { field: 'dateOfBirth', message: expect.stringContaining(`${5 - attempt}`) },
      ]);
    }
    const fifth = await verify(browser, { token, dateOfBirth: '1980-01-05' });
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'invitation_locked' });
    // Even the right date of birth, or an emailed code, no longer gets through.
    expect((await verify(browser, { token, dateOfBirth: DOB })).status).toBe(423);
    expect((await check(browser, token)).status).toBe(423);
    expect((await browser.post('/api/v1/registration/email-code', { token })).status).toBe(423);
    const listed = await desk.get(`/api/v1/invitations?patientId=${patient.id}`);
    expect(listed.body!.items[0]).toMatchObject({ locked: true });

    expect((await desk.post(`/api/v1/invitations/${invitationId}/resend`)).status).toBe(200);
    const fresh = tokenIn(await mailNumber(patient.email, 2), PUBLIC_URL);
    expect((await check(browser, token)).body).toMatchObject({ code: 'invitation_replaced' });
    expect((await verify(browser, { token: fresh, dateOfBirth: DOB })).status).toBe(200);
  });

  it('takes a date-of-birth try before comparing, so parallel guesses cannot pass the lock', async () => {
    const dobTries = async (invitationId: string) =>
      (
        await db.query(`SELECT dob_failures, locked_at FROM invitation WHERE id = $1`, [
          invitationId,
        ])
      )[0] as { dob_failures: number; locked_at: Date | null };

    // The right date, alone, works after wrong ones as long as a try is left.
    const alone = await invitedPatient();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        (await verify(alone.browser, { token: alone.token, dateOfBirth: `1980-02-0${attempt}` }))
          .status,
      ).toBe(422);
    }
    expect((await verify(alone.browser, { token: alone.token, dateOfBirth: DOB })).status).toBe(
      200,
    );
    expect(await dobTries(alone.invitationId)).toEqual({ dob_failures: 5, locked_at: null });

    // 20 wrong dates and the right one at once, on a link with one try left (so whoever takes
    // it, the outcome is decided by that try alone), and on a fresh link.
    for (const spent of [4, 0]) {
      const { token, invitationId } = await invitedPatient();
      for (let attempt = 1; attempt <= spent; attempt++) {
        const wrong = await verify(newBrowser(testApp), {
          token,
          dateOfBirth: `1980-01-0${attempt}`,
        });
        expect(wrong.status).toBe(422);
      }
      const guesses = [
        ...Array.from({ length: 20 }, (_, day) => `1981-01-${String(day + 1).padStart(2, '0')}`),
        DOB,
      ];
      const answers = await Promise.all(
        guesses.map((dateOfBirth) => verify(newBrowser(testApp), { token, dateOfBirth })),
      );
      const right = answers[answers.length - 1]!;
      const wrong = answers.slice(0, -1).map((answer) => answer.status);
      const state = await dobTries(invitationId);
      // At most 5 tries were counted, and only counted tries got a date compared.
      expect(state.dob_failures).toBeLessThanOrEqual(5);
      expect(wrong.every((status) => status === 422 || status === 423)).toBe(true);
      const compared = wrong.filter((status) => status === 422).length;
      expect(spent + compared + (right.status === 200 ? 1 : 0)).toBeLessThanOrEqual(5);
      expect([200, 423]).toContain(right.status);
      if (spent === 4) {
        // Locked by a wrong last try ⇔ the right date got no ticket; the other way round,
        // the right date took the last try and the wrong ones found none left.
        if (state.locked_at) {
          expect(right.status).toBe(423);
          expect(right.body).toMatchObject({ code: 'invitation_locked' });
        } else {
          expect(right.status).toBe(200);
          expect(wrong.every((status) => status === 423)).toBe(true);
        }
      }
      // With tries to spare, the right date may have been compared before the wrong ones
      // used up the rest and locked the invitation: its ticket then dies with the lock.
      if (right.status === 200 && state.locked_at) {
        const done = await complete(newBrowser(testApp), {
          ticket: right.body!.ticket,
          username: uniqueWord('race'),
          password: GOOD_PASSWORD,
        });
        expect(done.status).toBe(423);
      }
    }
  });

  describe('with a code emailed to the address on file', () => {
    const sendCode = (browser: Browser, token: string) =>
      browser.post('/api/v1/registration/email-code', { token });

    it('sends a 6-digit code that works once', async () => {
      const { patient, token, browser } = await invitedPatient();
      const sent = await sendCode(browser, token);
      expect(sent.status).toBe(202);
      expect(sent.body!.sentTo).toMatch(/\*\*\*@example\.test$/);
      const mail = await mailNumber(patient.email, 2);
      const code = codeIn(mail);
      const { subject, text } = readMail(mail);
      expect(subject).toContain(CLINIC);
      for (const secret of [DOB, patient.mrn, patient.familyName]) {
        expect(`${mail.raw}\n${text}`).not.toContain(secret);
      }
      const [row] = await db.query(
        `SELECT code_hash FROM registration_email_code WHERE invitation_id = (
           SELECT id FROM invitation WHERE patient_id = $1)`,
        [patient.id],
      );
      expect(row.code_hash).not.toContain(code);

      const verified = await verify(browser, { token, emailCode: code.replace(/(\d{3})/, '$1 ') });
      expect(verified.status).toBe(200);
      const replay = await verify(browser, { token, emailCode: code });
      expect(replay.status).toBe(410);
      expect(replay.body).toMatchObject({ code: 'email_code_used' });
      const done = await complete(browser, {
        ticket: verified.body!.ticket,
        username: uniqueWord('code'),
        password: GOOD_PASSWORD,
      });
      expect(done.status).toBe(201);
    });

    it('expires the code after 10 minutes', async () => {
      const { patient, token, browser } = await invitedPatient();
      await sendCode(browser, token);
      const code = codeIn(await mailNumber(patient.email, 2));
      clock.advance(10 * MINUTE + 1_000);
      const late = await verify(browser, { token, emailCode: code });
      expect(late.status).toBe(410);
      expect(late.body).toMatchObject({ code: 'email_code_expired' });
      // A new code works.
      await sendCode(browser, token);
      const next = codeIn(await mailNumber(patient.email, 3));
      expect((await verify(browser, { token, emailCode: next })).status).toBe(200);
    });

    it('allows 5 tries per code, and a limited number of codes', async () => {
      const { patient, token, browser } = await invitedPatient();
      expect((await verify(browser, { token, emailCode: '123456' })).body).toMatchObject({
        code: 'email_code_not_requested',
      });
      await sendCode(browser, token);
      const code = codeIn(await mailNumber(patient.email, 2));
      const wrong = code === '000000' ? '111111' : '000000';
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await verify(browser, { token, emailCode: wrong });
        expect(response.status).toBe(422);
        expect(response.body!.errors[0].field).toBe('emailCode');
      }
      const sixth = await verify(browser, { token, emailCode: code });
      expect(sixth.status).toBe(410);
      expect(sixth.body).toMatchObject({ code: 'email_code_tries_exceeded' });
      // The wrong codes did not count against the date of birth.
      for (let sends = 2; sends <= 5; sends++) {
        expect((await sendCode(browser, token)).status).toBe(202);
      }
      const limit = await sendCode(browser, token);
      expect(limit.status).toBe(429);
      expect(limit.body).toMatchObject({ code: 'email_code_limit_reached' });
      expect((await verify(browser, { token, dateOfBirth: DOB })).status).toBe(200);
    });
  });

  it('applies the password rules with field errors and saves nothing', async () => {
    const { token, browser, patient } = await invitedPatient();
    const ticket = await ticketFor(browser, token);
    const username = uniqueWord('pw');
    for (const [password, message] of [
      ['short pass', /at least 12/],
      ['1qaz2wsx3edc', /leaked passwords/],
      [`my ${username} secret`, /username/],
      ['x'.repeat(129), /at most 128/],
    ] as const) {
      const response = await complete(browser, { ticket, username, password });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed' });
      expect(response.body!.errors).toEqual([
        { field: 'password', message: expect.stringMatching(message) },
      ]);
    }
    expect(await accountCount(username)).toBe(0);
    const [invitation] = await db.query(`SELECT status FROM invitation WHERE patient_id = $1`, [
      patient.id,
    ]);
    expect(invitation.status).toBe('sent');
    // The ticket is still good for a valid choice.
    expect((await complete(browser, { ticket, username, password: GOOD_PASSWORD })).status).toBe(
      201,
    );
  });

  it('refuses a username that is taken, whatever its case, or badly formed', async () => {
    const first = await invitedPatient();
    const username = uniqueWord('taken');
    const ticket1 = await ticketFor(first.browser, first.token);
    expect(
      (await complete(first.browser, { ticket: ticket1, username, password: GOOD_PASSWORD }))
        .status,
    ).toBe(201);

    const second = await invitedPatient();
    const ticket2 = await ticketFor(second.browser, second.token);
    const taken = await complete(second.browser, {
      ticket: ticket2,
      username: username.toUpperCase(),
      password: GOOD_PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'username_taken' });
    expect(taken.body!.errors).toEqual([{ field: 'username', message: expect.any(String) }]);
    for (const bad of ['ab', 'has space', 'x'.repeat(65), 'semi;colon', 42]) {
      const response = await complete(second.browser, {
        ticket: ticket2,
        username: bad,
        password: GOOD_PASSWORD,
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['username']);
    }
    const [invitation] = await db.query(`SELECT status FROM invitation WHERE patient_id = $1`, [
      second.patient.id,
    ]);
    expect(invitation.status).toBe('sent');
  });

  it('expires the ticket after 30 minutes; a resend voids an earlier ticket', async () => {
    const a = await invitedPatient();
    const ticket = await ticketFor(a.browser, a.token);
    clock.advance(30 * MINUTE + 1_000);
    const late = await complete(a.browser, {
      ticket,
      username: uniqueWord('late'),
      password: GOOD_PASSWORD,
    });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ code: 'registration_ticket_expired' });

    const b = await invitedPatient();
    const earlier = await ticketFor(b.browser, b.token);
    expect((await b.desk.post(`/api/v1/invitations/${b.invitationId}/resend`)).status).toBe(200);
    const voided = await complete(b.browser, {
      ticket: earlier,
      username: uniqueWord('void'),
      password: GOOD_PASSWORD,
    });
    expect(voided.status).toBe(410);
    expect(voided.body).toMatchObject({ code: 'invitation_replaced' });
  });

  it('answers forged, malformed and revoked input with a clear 4xx', async () => {
    const browser = newBrowser(testApp);
    const forged = await check(browser, 'A'.repeat(43));
    expect(forged.status).toBe(404);
    expect(forged.body).toMatchObject({ code: 'invitation_link_invalid' });
    const missing = await browser.get('/api/v1/registration/invitation');
    expect(missing.status).toBe(400);
    expect(missing.body!.errors[0].field).toBe('token');

    const { token, desk, invitationId } = await invitedPatient();
    for (const [body, fields] of [
      [{ token }, ['dateOfBirth', 'emailCode']],
      [{ token, dateOfBirth: DOB, emailCode: '123456' }, ['dateOfBirth', 'emailCode']],
      [{ token, dateOfBirth: '14/03/1979' }, ['dateOfBirth']],
      [{ token, emailCode: '12345' }, ['emailCode']],
      [{ token: 42, dateOfBirth: DOB }, ['token']],
      [{ token, dateOfBirth: DOB, admin: true }, ['admin']],
    ] as const) {
      const response = await verify(browser, body);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(fields);
    }
    const unknownTicket = await complete(browser, {
      ticket: 'B'.repeat(43),
      username: uniqueWord('nobody'),
      password: GOOD_PASSWORD,
    });
    expect(unknownTicket.status).toBe(404);
    expect(unknownTicket.body).toMatchObject({ code: 'registration_ticket_invalid' });
    const noBody = await browser.post('/api/v1/registration/complete');
    expect(noBody.status).toBe(400);

    await desk.post(`/api/v1/invitations/${invitationId}/revoke`);
    const revoked = await verify(browser, { token, dateOfBirth: DOB });
    expect(revoked.status).toBe(410);
    expect(revoked.body).toMatchObject({ code: 'invitation_revoked' });
    expect(revoked.body!.detail).toMatch(/ask the clinic for a new invitation/i);
  });
});
