import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { totpCode, totpStep } from '../src/common/totp.js';
import { REPO_ROOT } from '../src/config/config.js';
import { newId } from '../src/infra/database/ids.js';
import { MailService } from '../src/infra/mail/mail.service.js';
import type { StaffRole } from '../src/modules/accounts/account.entity.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import { createPatientAccount, createStaffAccount, TEST_PASSWORD } from './support/accounts.js';
import { BrowserClient } from './support/browser-client.js';
import { startSmtpSink, waitFor } from './support/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('staff accounts', () => {
  let testApp: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let accounts: AccountsService;
  let db: DataSource;
  let ip = 0;
  const client = () => new BrowserClient(testApp, `10.201.${process.pid % 250}.${++ip % 250}`);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    // Staff sign in with their password alone here; second-factor policy has its own spec.
    testApp = await startTestApp(
      { SMTP_URL: smtp.url, STAFF_SECOND_FACTOR_REQUIRED: 'false' },
      { runWorkers: true },
    );
    accounts = testApp.app.get(AccountsService);
    db = testApp.app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  async function signedIn(roles: StaffRole[]) {
    const staff = await createStaffAccount(testApp, roles);
    const browser = client();
    expect((await browser.login(staff.username, TEST_PASSWORD)).status).toBe(200);
    return { ...staff, browser };
  }

  const mailTo = (address: string, count = 1) =>
    waitFor(() => {
      const found = smtp.received.filter((m) => m.to.includes(address));
      return found.length >= count ? found[count - 1]! : null;
    });
  // Undoes quoted-printable (soft line breaks, =3D) before looking for the link.
  const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

  const auditRows = (accountId: string): Promise<{ action: string; outcome: string }[]> =>
    db.query(
      `SELECT action, outcome, actor_account_id FROM audit_event
        WHERE resource_type = 'account' AND resource_id = $1 ORDER BY occurred_at, id`,
      [accountId],
    );

  const newStaffBody = () => {
    const username = `new.staff-${newId().slice(-12)}`;
    return {
      username,
      displayName: 'Robin Newhire, RN',
      email: `${username}@example.test`,
      roles: ['nurse'] as StaffRole[],
    };
  };

  it('is for administrators only', async () => {
    const nurse = await signedIn(['nurse']);
    const { username: patient } = await createPatientAccount(testApp);
    const patientBrowser = client();
    await patientBrowser.login(patient, TEST_PASSWORD);
    const { account: target } = await createStaffAccount(testApp, ['billing']);
    for (const browser of [nurse.browser, patientBrowser]) {
      expect((await browser.get('/api/v1/staff')).status).toBe(403);
      expect((await browser.post('/api/v1/staff', newStaffBody())).status).toBe(403);
      expect(
        (await browser.request('PATCH', `/api/v1/staff/${target.id}`, { displayName: 'X' })).status,
      ).toBe(403);
      for (const action of ['disable', 'enable', 'reset-second-factor']) {
        const response = await browser.post(`/api/v1/staff/${target.id}/${action}`);
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
    expect((await client().get('/api/v1/staff')).status).toBe(401);
    expect((await accounts.findById(target.id))!.status).toBe('active');
  });

  it('lists staff accounts, never patients or secrets', async () => {
    const admin = await signedIn(['admin']);
    // The list is sorted by username and capped at 500, and the test database keeps every
    // run's accounts: a name that sorts first, newest first, keeps this one on the page.
    const nurse = await accounts.create({
      kind: 'staff',
      username: `0-${String(9e12 - Date.now()).padStart(13, '0')}-${newId().slice(-8)}`,
      displayName: 'Staff nurse front-desk',
      email: `listed-${newId()}@example.test`,
      password: TEST_PASSWORD,
      roles: ['nurse', 'front-desk'],
    });
    const { account: patient } = await createPatientAccount(testApp);
    const response = await admin.browser.get('/api/v1/staff');
    expect(response.status).toBe(200);
    const items = response.body!.items as Record<string, unknown>[];
    const listed = items.find((item) => item.id === nurse.id);
    expect(listed).toEqual({
      id: nurse.id,
      username: nurse.username,
      displayName: nurse.displayName,
      email: nurse.email,
      roles: ['nurse', 'front-desk'],
      status: 'active',
      secondFactor: 'none',
      createdAt: nurse.createdAt.toISOString(),
    });
    expect(items.some((item) => item.id === patient.id)).toBe(false);
  });

  it('creates an account without a usable password and emails a 72-hour set-password link', async () => {
    const admin = await signedIn(['admin']);
    const body = newStaffBody();
    const response = await admin.browser.post('/api/v1/staff', body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...body, status: 'active', secondFactor: 'none' });
    const id = response.body!.id as string;

    const mail = decoded((await mailTo(body.email)).raw);
    const prefix = `${testApp.config.publicUrl}/admin/reset-password#token=`;
    const token = new RegExp(`${prefix.replace(/[.?/]/g, '\\$&')}([A-Za-z0-9_-]{43})`).exec(
      mail,
    )?.[1];
    expect(token).toBeDefined();
    expect(mail).toContain(body.username);
    const [row] = await db.query(
      `SELECT expires_at - created_at AS ttl FROM account_token WHERE account_id = $1`,
      [id],
    );
    expect(row.ttl).toMatchObject({ days: 3 });
    // The link belongs to the new account and works once.
    expect((await accounts.redeemToken(token!, 'password-reset'))?.id).toBe(id);
    expect(await accounts.redeemToken(token!, 'password-reset')).toBeNull();

    expect(await auditRows(id)).toEqual([
      { action: 'staff.create', outcome: 'success', actor_account_id: admin.account.id },
    ]);
  });

  it('saves the account, its link, its audit row and its email together, or none of them', async () => {
    const admin = await signedIn(['admin']);
    const body = newStaffBody();
    // The email cannot be recorded: everything written before it in the request rolls back.
    const mail = testApp.app.get(MailService);
    const record = mail.record.bind(mail);
    mail.record = () => Promise.reject(new Error('mail table unavailable'));
    let response;
    try {
      response = await admin.browser.post('/api/v1/staff', body);
    } finally {
      mail.record = record;
    }
    expect(response.status).toBe(500);
    expect(await accounts.findByUsername(body.username)).toBeNull();
    const [left] = await db.query(
      `SELECT
         (SELECT count(*)::int FROM mail_delivery WHERE recipient = $1) AS mails,
         (SELECT count(*)::int FROM audit_event
           WHERE action = 'staff.create' AND actor_account_id = $2) AS audits`,
      [body.email, admin.account.id],
    );
    expect(left).toEqual({ mails: 0, audits: 0 });
    // The same request then goes through whole.
    expect((await admin.browser.post('/api/v1/staff', body)).status).toBe(201);
    await mailTo(body.email);
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const admin = await signedIn(['admin']);
    const { account: existing } = await createStaffAccount(testApp, ['nurse']);
    const response = await admin.browser.post('/api/v1/staff', {
      ...newStaffBody(),
      username: existing.username.toUpperCase(),
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'username_taken',
      errors: [{ field: 'username' }],
    });
  });

  it('names each bad field and never answers hostile input with a 5xx', async () => {
    const admin = await signedIn(['admin']);
    const { account: target } = await createStaffAccount(testApp, ['nurse']);
    const cases: [method: string, path: string, body: unknown, fields: string[]][] = [
      ['POST', '/api/v1/staff', {}, ['username', 'displayName', 'email', 'roles']],
      [
        'POST',
        '/api/v1/staff',
        { username: 'ab', displayName: '   ', email: 'nope', roles: [] },
        ['username', 'displayName', 'email', 'roles'],
      ],
      ['POST', '/api/v1/staff', { ...newStaffBody(), username: 'has space' }, ['username']],
      ['POST', '/api/v1/staff', { ...newStaffBody(), username: 'x'.repeat(65) }, ['username']],
      ['POST', '/api/v1/staff', { ...newStaffBody(), roles: 'admin' }, ['roles']],
      ['POST', '/api/v1/staff', { ...newStaffBody(), roles: ['root'] }, ['roles']],
      ['POST', '/api/v1/staff', { ...newStaffBody(), roles: ['nurse', 'nurse'] }, ['roles']],
      ['POST', '/api/v1/staff', { ...newStaffBody(), roles: [{}] }, ['roles']],
      [
        'POST',
        '/api/v1/staff',
        { ...newStaffBody(), password: 'x', kind: 'patient' },
        ['password', 'kind'],
      ],
      ['PATCH', `/api/v1/staff/${target.id}`, { displayName: null }, ['displayName']],
      ['PATCH', `/api/v1/staff/${target.id}`, { email: 42, roles: null }, ['email', 'roles']],
      ['PATCH', `/api/v1/staff/${target.id}`, { status: 'disabled' }, ['status']],
    ];
    for (const [method, path, body, fields] of cases) {
      const response = await admin.browser.request(method, path, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const named = (response.body!.errors as { field: string }[]).map((e) => e.field);
      expect(named).toEqual(expect.arrayContaining(fields));
    }
    for (const body of [null, [], 'text']) {
      expect((await admin.browser.request('POST', '/api/v1/staff', body)).status).toBe(400);
    }
    // A NUL character is refused before validation, whatever field holds it.
    const nul = await admin.browser.post('/api/v1/staff', {
      ...newStaffBody(),
      displayName: 'a\u0000b',
    });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ code: 'bad_request' });
    expect((await accounts.findById(target.id))!.displayName).toBe(target.displayName);
  });

  it('answers 404 for unknown, malformed and patient account ids', async () => {
    const admin = await signedIn(['admin']);
    const { account: patient } = await createPatientAccount(testApp);
    for (const id of [newId(), 'not-a-uuid', patient.id, "1' OR '1'='1"]) {
      const target = `/api/v1/staff/${encodeURIComponent(id)}`;
      const responses = [
        await admin.browser.request('PATCH', target, { displayName: 'Nobody' }),
        await admin.browser.post(`${target}/disable`),
        await admin.browser.post(`${target}/enable`),
        await admin.browser.post(`${target}/reset-second-factor`),
      ];
      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'staff_not_found' });
      }
    }
    expect((await accounts.findById(patient.id))!.status).toBe('active');
  });

  it('updates name, email and roles; role changes reach open sessions at once', async () => {
    const admin = await signedIn(['admin']);
    const nurse = await signedIn(['nurse']);
    expect((await nurse.browser.get('/api/v1/staff')).status).toBe(403);
    const response = await admin.browser.request('PATCH', `/api/v1/staff/${nurse.account.id}`, {
      displayName: '  Nico Navarro, RN  ',
      email: 'nico.navarro@example.test',
      roles: ['nurse', 'admin'],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      displayName: 'Nico Navarro, RN',
      email: 'nico.navarro@example.test',
      roles: ['nurse', 'admin'],
    });
    expect((await nurse.browser.get('/api/v1/staff')).status).toBe(200);
    expect((await auditRows(nurse.account.id)).map((r) => r.action)).toEqual([
      'staff.update',
      'staff.roles-change',
    ]);
  });

  it('keeps an admin from removing their own admin role', async () => {
    const admin = await signedIn(['admin', 'provider']);
    const response = await admin.browser.request('PATCH', `/api/v1/staff/${admin.account.id}`, {
      roles: ['provider'],
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'cannot_remove_own_admin_role' });
    expect((await accounts.findById(admin.account.id))!.roles).toEqual(['admin', 'provider']);
    // Changing their own name is fine.
    const renamed = await admin.browser.request('PATCH', `/api/v1/staff/${admin.account.id}`, {
      displayName: 'Avery Admin',
    });
    expect(renamed.status).toBe(200);
  });

  it('disabling ends every session and blocks sign-in; enabling restores sign-in only', async () => {
    const admin = await signedIn(['admin']);
    const target = await signedIn(['front-desk']);
    const second = client();
    await second.login(target.username, TEST_PASSWORD);

    const disabled = await admin.browser.post(`/api/v1/staff/${target.account.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: target.account.id, status: 'disabled' });
    expect((await target.browser.get('/api/v1/auth/session')).status).toBe(204);
    expect((await second.get('/api/v1/auth/session')).status).toBe(204);
    expect((await client().login(target.username, TEST_PASSWORD)).status).toBe(401);

    const enabled = await admin.browser.post(`/api/v1/staff/${target.account.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'active' });
    // The sessions were ended, not paused: enabling does not bring them back.
    expect((await target.browser.get('/api/v1/auth/session')).status).toBe(204);
    expect((await client().login(target.username, TEST_PASSWORD)).status).toBe(200);

    expect((await auditRows(target.account.id)).map((r) => `${r.action}:${r.outcome}`)).toEqual([
      'staff.disable:success',
      'staff.enable:success',
    ]);
  });

  it('refuses to let an admin disable themself', async () => {
    const admin = await signedIn(['admin']);
    const response = await admin.browser.post(`/api/v1/staff/${admin.account.id}/disable`);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'cannot_disable_self' });
    expect((await admin.browser.get('/api/v1/auth/session')).status).toBe(200);
    expect(await auditRows(admin.account.id)).toEqual([
      { action: 'staff.disable', outcome: 'denied', actor_account_id: admin.account.id },
    ]);
  });

  it('resets the second factor: authenticator and recovery codes gone, sessions ended, owner told', async () => {
    const admin = await signedIn(['admin']);
    const target = await signedIn(['provider']);
    const secret = await accounts.startTotpEnrollment(target.account.id);
    const pending = (await accounts.findById(target.account.id))!;
    const now = testApp.app.get(Clock).now();
    expect(
      await accounts.confirmTotpEnrollment(pending, totpCode(secret, totpStep(now))),
    ).toHaveLength(10);

    const response = await admin.browser.post(
      `/api/v1/staff/${target.account.id}/reset-second-factor`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ secondFactor: 'none' });
    const after = (await accounts.findById(target.account.id))!;
    expect(after).toMatchObject({ secondFactor: 'none', totpSecret: null });
    expect(await accounts.countRecoveryCodes(target.account.id)).toBe(0);
    expect((await target.browser.get('/api/v1/auth/session')).status).toBe(204);
    expect((await client().login(target.username, TEST_PASSWORD)).body).toMatchObject({
      status: 'signed-in',
    });
    expect(decoded((await mailTo(target.account.email)).raw)).toMatch(/signed you out everywhere/);
    expect((await auditRows(target.account.id)).map((r) => r.action)).toEqual([
      'staff.reset-second-factor',
    ]);
  });

  describe('create-admin command', () => {
    const script = path.join(REPO_ROOT, 'apps/api/dist/bin/create-admin.js');
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [script, ...args],
          {
            env: {
              PATH: process.env.PATH,
              NODE_ENV: 'test',
              DATABASE_URL: process.env.TEST_DATABASE_URL,
              PUBLIC_URL: 'https://portal.example.test',
              LOG_LEVEL: 'silent',
            },
            timeout: 60_000,
          },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });

    it('creates the first admin and prints a one-time set-password link', async () => {
      const username = `first.admin-${newId().slice(-12)}`;
      const result = await run([
        '--username',
        username,
        '--email',
        `${username}@example.test`,
        '--name',
        'Morgan First',
      ]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const token =
        /https:\/\/portal\.example\.test\/admin\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(
          result.stdout,
        )?.[1];
      expect(token).toBeDefined();
      const account = (await accounts.findByUsername(username))!;
      expect(account).toMatchObject({
        kind: 'staff',
        roles: ['admin'],
        displayName: 'Morgan First',
        status: 'active',
      });
      expect((await accounts.redeemToken(token!, 'password-reset'))?.id).toBe(account.id);

      const again = await run([
        '--username',
        username.toUpperCase(),
        '--email',
        'other@example.test',
        '--name',
        'Someone Else',
      ]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already taken/);
      expect(again.stdout).not.toMatch(/token=/);
    }, 60_000);

    it('refuses missing or invalid arguments before touching the database', async () => {
      const missing = await run(['--username', 'lonely.admin']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/Missing --email, --name/);
      const invalid = await run(['--username', 'a b', '--email', 'nope', '--name', 'X']);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toMatch(/--username: .*\n--email: /);
      expect((await run(['--username', 'x', '--role', 'admin'])).code).toBe(2);
    }, 60_000);
  });
});
