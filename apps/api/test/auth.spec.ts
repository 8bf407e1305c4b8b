import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import { PatientsService } from '../src/modules/patients/patients.service.js';
import { newId } from '../src/infra/database/ids.js';
import { TEST_PASSWORD } from './support/accounts.js';
import { BrowserClient } from './support/browser-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = TEST_PASSWORD;

describe('sign-in and sessions', () => {
  let testApp: TestApp;
  let db: DataSource;
  let clock: Clock;

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  let ipCounter = 0;
  const client = () =>
    new BrowserClient(
      testApp,
      `10.${process.pid % 250}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
    );

  async function newPatientAccount(options: { secondFactor?: 'totp' } = {}) {
    const patient = await testApp.app.get(PatientsService).create({
      givenName: 'Test',
      familyName: `Patient-${newId()}`,
      dateOfBirth: '1980-02-29',
      sex: 'unknown',
    });
    const username = `user-${newId()}`;
    const account = await testApp.app.get(AccountsService).create({
      kind: 'patient',
      username,
      displayName: 'Test',
      email: `${username}@example.test`,
      password: PASSWORD,
      patientId: patient.id,
      secondFactor: options.secondFactor ?? 'none',
      totpSecret: options.secondFactor ? 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD' : null,
    });
    return { patient, account, username };
  }

  it('signs in, reports the session, and signs out server side', async () => {
    const { username } = await newPatientAccount();
    const browser = client();
    const login = await browser.login(username.toUpperCase(), PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      status: 'signed-in',
      session: { user: { username, kind: 'patient' } },
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('portal_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie.split(';')[0]!.length).toBeGreaterThanOrEqual('portal_session='.length + 43);
    const session = await browser.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body!.user.username).toBe(username);
    const stolen = browser.cookies.get('portal_session')!;
    expect((await browser.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await browser.get('/api/v1/auth/session')).status).toBe(204);
    // The old cookie is dead on the server, not only forgotten by the browser.
    const replay = client();
    replay.cookies.set('portal_session', stolen);
    expect((await replay.get('/api/v1/auth/session')).status).toBe(204);
  });

  it('answers a wrong password and an unknown username the same way', async () => {
    const { username } = await newPatientAccount();
    const wrong = await client().login(username, 'not the password at all');
    const unknown = await client().login(`nobody-${newId()}`, 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ code: wrong.body!.code, detail: wrong.body!.detail });
  });

  it('takes a similar time whether or not the username exists', async () => {
    const { username } = await newPatientAccount();
    const time = async (name: string) => {
      const browser = client();
      await browser.get('/api/v1/auth/session'); // the CSRF cookie, outside the measurement
      const started = process.hrtime.bigint();
      await browser.login(name, 'not the password at all');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const existing: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < 5; i++) {
      existing.push(await time(username));
      missing.push(await time(`nobody-${newId()}`));
    }
    // Both pay for one argon2id verification; without it the unknown name would answer in ~1 ms.
    expect(median(missing)).toBeGreaterThan(median(existing) * 0.5);
    expect(median(missing)).toBeLessThan(median(existing) * 2);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const { username } = await newPatientAccount();
    const browser = client();
    await browser.login(username, PASSWORD);
    const response = await browser.request('POST', '/api/v1/auth/logout', undefined, {
      'x-csrf-token': 'forged',
    });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'csrf_token_invalid' });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('names each bad or unknown field', async () => {
    const response = await client().post('/api/v1/auth/login', {
      username: 42,
      password: '',
      admin: true,
    });
    expect(response.status).toBe(400);
    const fields = response.body!.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'admin']));
  });

  it('slows guessing with growing waits that end by themselves', async () => {
    const { username } = await newPatientAccount();
    const browser = client();
    for (let i = 0; i < 5; i++)
      expect((await browser.login(username, `guess-${i}-wrong`)).status).toBe(401);
    const blocked = await client().login(username, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'too_many_sign_in_attempts' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await client().login(username, PASSWORD)).status).toBe(200);
  });

  it('ends a session after 15 idle minutes, and after 12 hours whatever the activity', async () => {
    const { username } = await newPatientAccount();
    const idle = client();
    await idle.login(username, PASSWORD);
    clock.advance(14 * 60_000);
    expect((await idle.get('/api/v1/auth/session')).status).toBe(200);
    clock.advance(15 * 60_000 + 1_000);
    expect((await idle.get('/api/v1/auth/session')).status).toBe(204);

    const busy = client();
    await busy.login(username, PASSWORD);
    for (let hour = 0; hour < 12; hour++) {
      for (let step = 0; step < 6; step++) {
        clock.advance(10 * 60_000);
        await busy.get('/api/v1/auth/session');
      }
    }
    expect((await busy.get('/api/v1/auth/session')).status).toBe(204);
  });

  it('stops at the second factor when the account has one', async () => {
    const { username } = await newPatientAccount({ secondFactor: 'totp' });
    const browser = client();
    const login = await browser.login(username, PASSWORD);
    expect(login.body).toEqual({ status: 'second-factor-required', methods: ['totp'] });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(204);
  });

  it('writes audit rows for sign-in successes and failures', async () => {
    const { username, account } = await newPatientAccount();
    await client().login(username, 'wrong password here');
    await client().login(username, PASSWORD);
    const rows: { action: string; outcome: string; ip: string }[] = await db.query(
      `SELECT action, outcome, ip FROM audit_event WHERE actor_account_id = $1 ORDER BY occurred_at, id`,
      [account.id],
    );
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual([
      'auth.login:failure',
      'auth.login:success',
    ]);
    expect(rows[0]!.ip).toMatch(/^10\./);
  });

  it('keeps the audit log append-only', async () => {
    await expect(
      db.query(`DELETE FROM audit_event WHERE id = (SELECT id FROM audit_event LIMIT 1)`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.query(
        `UPDATE audit_event SET outcome = 'success' WHERE id = (SELECT id FROM audit_event LIMIT 1)`,
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
