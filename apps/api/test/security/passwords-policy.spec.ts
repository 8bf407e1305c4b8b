import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '../../src/infra/database/ids.js';
import { AccountsService } from '../../src/modules/accounts/accounts.service.js';
import { PatientsService } from '../../src/modules/patients/patients.service.js';
import { StaffService } from '../../src/modules/staff/staff.service.js';
import { TEST_PASSWORD } from '../support/accounts.js';
import {
  createPatient,
  newBrowser,
  signedInStaff,
  tokenIn,
  uniqueWord,
} from '../support/invitation-flow.js';
import { type SmtpSink, startTestAppWithMail } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

const PUBLIC_URL = 'https://portal.test';
const GOOD_PASSWORD = 'walrus tundra 47 lantern';
/** Leaked bases dressed up to pass the 12-character minimum: all among the first guesses. */
const LEAKED = ['Sunshine2024!!', 'iloveyou123456', 'P@ssw0rd2024', 'qwertyuiop123'];

type Answer = { status: number; headers: Headers; body: Record<string, any> | null }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A 400 problem+json that names the field with the given advice. */
function expectRefused(answer: Answer, field: string, message: RegExp) {
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ code: 'validation_failed', status: 400 });
  expect(answer.body!.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
}
const LEAKED_WORDS = /appears in lists of leaked passwords/;
const PERSONAL_WORDS = /Don't use your name, username or email address/;

describe('new passwords are checked against leaked passwords and the owner (every path)', () => {
  let smtp: SmtpSink;
  let testApp: TestApp & { smtp: SmtpSink };

  beforeAll(async () => {
    testApp = await startTestAppWithMail(
      { PUBLIC_URL, STAFF_SECOND_FACTOR_REQUIRED: 'false' },
      { runWorkers: true },
    );
    smtp = testApp.smtp;
  });
  afterAll(() => testApp?.close());

  /** A patient named Dana <family> with a portal account, signed in. */
  async function signedInPatient() {
    const familyName = uniqueWord('Kowal');
    const patient = await testApp.app.get(PatientsService).create({
      givenName: 'Dana',
      familyName,
      dateOfBirth: '1980-02-29',
      sex: 'unknown',
    });
    const username = `dk-${newId()}`;
    const email = `${uniqueWord('mail')}@example.test`;
    const account = await testApp.app.get(AccountsService).create({
      kind: 'patient',
      username,
      displayName: 'Dana',
      email,
      password: TEST_PASSWORD,
      patientId: patient.id,
    });
    const browser = newBrowser(testApp);
    expect((await browser.login(username, TEST_PASSWORD)).status).toBe(200);
    return { browser, account, username, email, familyName };
  }

  it('password change refuses leaked passwords and the name, username and email', async () => {
    const { browser, username, email, familyName } = await signedInPatient();
    const change = (newPassword: string) =>
      browser.post('/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword });
    for (const leaked of LEAKED) expectRefused(await change(leaked), 'newPassword', LEAKED_WORDS);
    for (const personal of [
      `my ${familyName.toUpperCase()} family tree`,
      `dana walks the long road`,
      `${email.split('@')[0]} is my mailbox`,
      `I am ${username} online`,
    ]) {
      expectRefused(await change(personal), 'newPassword', PERSONAL_WORDS);
    }
    expect((await change(GOOD_PASSWORD)).status).toBe(204);
  });

  it('a reset link refuses them too, and stays usable for a better password', async () => {
    const { account, familyName } = await signedInPatient();
    const token = await testApp.app
      .get(AccountsService)
      .issueToken(account.id, 'password-reset', 60 * 60_000);
    const browser = newBrowser(testApp);
    const reset = (password: string) =>
      browser.post('/api/v1/auth/password-reset/complete', { token, password });
    expectRefused(await reset('Liverpool1892!'), 'password', LEAKED_WORDS);
    expectRefused(await reset(`${familyName} forever and ever`), 'password', PERSONAL_WORDS);
    expect((await reset(GOOD_PASSWORD)).status).toBe(204);
  });

  it('a staff member choosing the first password of an admin-created account', async () => {
    const username = `ops.${uniqueWord('m')}`;
    const { setPasswordUrl } = await testApp.app.get(StaffService).create(
      {
        username,
        displayName: 'Marguerite Oyelaran',
        email: `${uniqueWord('staff')}@clinic.test`,
        roles: ['nurse'],
      },
      null,
    );
    const token = new URLSearchParams(new URL(setPasswordUrl).hash.slice(1)).get('token')!;
    const browser = newBrowser(testApp);
    const choose = (password: string) =>
      browser.post('/api/v1/auth/password-reset/complete', { token, password });
    expectRefused(await choose('qwertyuiopasdfghjkl'), 'password', LEAKED_WORDS);
    expectRefused(await choose('nurse marguerite 2025'), 'password', PERSONAL_WORDS);
    expectRefused(await choose(`${username}-password`), 'password', PERSONAL_WORDS);
    expect((await choose(GOOD_PASSWORD)).status).toBe(204);
    expect((await newBrowser(testApp).login(username, GOOD_PASSWORD)).status).toBe(200);
  });

  it('registration from an invitation refuses them before anything is spent', async () => {
    const desk = await signedInStaff(testApp, ['front-desk']);
    const patient = await createPatient(desk, { givenName: 'Bartholomew' });
    expect((await desk.post(`/api/v1/patients/${patient.id}/invitations`)).status).toBe(201);
    const mail = await smtp.mailTo(patient.email!);
    const token = tokenIn(mail, PUBLIC_URL);
    const browser = newBrowser(testApp);
    const verified = await browser.post('/api/v1/registration/verify-identity', {
      token,
      dateOfBirth: patient.dateOfBirth,
    });
    expect(verified.status).toBe(200);
    const username = `bart.${uniqueWord('x')}`;
    const complete = (password: string) =>
      browser.post('/api/v1/registration/complete', {
        ticket: verified.body!.ticket,
        username,
        password,
      });
    expectRefused(await complete('Football 2024!'), 'password', LEAKED_WORDS);
    expectRefused(await complete('bartholomew the brave'), 'password', PERSONAL_WORDS);
    expectRefused(
      await complete(`${patient.familyName.toLowerCase()} river song`),
      'password',
      PERSONAL_WORDS,
    );
    expect((await complete(GOOD_PASSWORD)).status).toBe(201);
  });
});
