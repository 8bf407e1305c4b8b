import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../src/common/clock.js';
import { ServerKeys } from '../src/common/server-keys.js';
import { openTotpSecret, totpCode, totpStep } from '../src/common/totp.js';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import { createPatientAccount, createStaffAccount, TEST_PASSWORD } from './support/accounts.js';
import { BrowserClient } from './support/browser-client.js';
import { type SmtpSink, startTestAppWithMail } from './support/smtp-sink.js';
import type { TestApp } from './support/test-app.js';

const SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

describe('second factors, recovery and account settings', () => {
  let testApp: TestApp & { smtp: SmtpSink };
  let smtp: SmtpSink;
  let clock: Clock;
  let ip = 0;
  const client = () => new BrowserClient(testApp, `10.200.${Math.floor(++ip / 250)}.${ip % 250}`);

  beforeAll(async () => {
    testApp = await startTestAppWithMail(
      { STAFF_SECOND_FACTOR_REQUIRED: 'true' },
      { runWorkers: true },
    );
    smtp = testApp.smtp;
    clock = testApp.app.get(Clock);
  });
  afterAll(() => testApp?.close());

  const now = () => clock.now();
  const mailTo = (address: string, count = 1) => smtp.mailTo(address, count);
  const codeIn = (raw: string) => /sign-in code is (\d{6})/.exec(raw)![1]!;
  // Decodes quoted-printable (soft breaks and =3D) before looking for the link.
  const linkIn = (raw: string, path: string) =>
    new RegExp(`${path}#token=([A-Za-z0-9_-]+)`).exec(
      raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
    )![1]!;

  it('signs in with an authenticator code and never accepts the same code twice', async () => {
    const { username } = await createPatientAccount(testApp, {
      secondFactor: 'totp',
      totpSecret: SECRET,
    });
    const first = client();
    expect((await first.login(username, TEST_PASSWORD)).body).toMatchObject({
      status: 'second-factor-required',
      methods: ['totp'],
    });
    const wrong = await first.post('/api/v1/auth/login/verify', { code: '000000', method: 'totp' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'invalid_code' });
    const code = totpCode(SECRET, totpStep(now()));
    const verified = await first.post('/api/v1/auth/login/verify', { code, method: 'totp' });
    expect(verified.status).toBe(200);
    expect(verified.body!.user.username).toBe(username);
    expect((await first.get('/api/v1/auth/session')).status).toBe(200);

    const replay = client();
    await replay.login(username, TEST_PASSWORD);
    expect((await replay.post('/api/v1/auth/login/verify', { code, method: 'totp' })).status).toBe(
      400,
    );
  });

  it('emails a code that works once, for 10 minutes, with 5 tries', async () => {
    const { username, account } = await createPatientAccount(testApp, { secondFactor: 'email' });
    const browser = client();
    const login = await browser.login(username, TEST_PASSWORD);
    expect(login.body).toMatchObject({
      status: 'second-factor-required',
      methods: ['email'],
      maskedEmail: expect.stringMatching(/^us\*\*\*@example\.test$/),
    });
    const code = codeIn((await mailTo(account.email)).raw);
    expect(
      (await browser.post('/api/v1/auth/login/verify', { code, method: 'email' })).status,
    ).toBe(200);

    const again = client();
    await again.login(username, TEST_PASSWORD);
    const second = codeIn((await mailTo(account.email, 2)).raw);
    expect((await again.post('/api/v1/auth/login/verify', { code, method: 'email' })).status).toBe(
      400,
    ); // the old code
    clock.advance(10 * 60_000 + 1_000);
    const late = await again.post('/api/v1/auth/login/verify', { code: second, method: 'email' });
    expect(late.status).toBe(401); // the waiting sign-in itself lapsed with its code
    expect(late.body).toMatchObject({ code: 'sign_in_again' });

    const guesser = client();
    await guesser.login(username, TEST_PASSWORD);
    for (let i = 1; i <= 4; i++) {
      expect(
        (await guesser.post('/api/v1/auth/login/verify', { code: `00000${i}`, method: 'email' }))
          .body,
      ).toMatchObject({ code: 'invalid_code' });
    }
    const fifth = await guesser.post('/api/v1/auth/login/verify', {
      code: '000009',
      method: 'email',
    });
    expect(fifth.status).toBe(401);
    const real = codeIn((await mailTo(account.email, 3)).raw);
    expect(
      (await guesser.post('/api/v1/auth/login/verify', { code: real, method: 'email' })).status,
    ).toBe(401);
  });

  it('requires a second step for staff under the clinic policy', async () => {
    const { username, account } = await createStaffAccount(testApp, ['nurse']);
    const browser = client();
    expect((await browser.login(username, TEST_PASSWORD)).body).toMatchObject({
      status: 'second-factor-required',
      methods: ['email'],
    });
    const code = codeIn((await mailTo(account.email)).raw);
    expect(
      (await browser.post('/api/v1/auth/login/verify', { code, method: 'email' })).status,
    ).toBe(200);
    expect(
      (
        await browser.post('/api/v1/account/second-factor', {
          method: 'none',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(422);
  });

  it('enrolls an authenticator app with 10 single-use recovery codes', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = client();
    await browser.login(username, TEST_PASSWORD);
    const setup = await browser.post('/api/v1/account/totp/setup', { password: TEST_PASSWORD });
    expect(setup.status).toBe(200);
    expect(setup.body!.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const secret = setup.body!.secret as string;
    expect((await browser.post('/api/v1/account/totp/confirm', { code: '123' })).status).toBe(400);
    const confirmed = await browser.post('/api/v1/account/totp/confirm', {
      code: totpCode(secret, totpStep(now())),
    });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body!.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect((await browser.get('/api/v1/account/security')).body).toMatchObject({
      secondFactor: 'totp',
      recoveryCodesRemaining: 10,
    });

    const lostPhone = client();
    expect((await lostPhone.login(username, TEST_PASSWORD)).body!.methods).toEqual([
      'totp',
      'recovery-code',
    ]);
    expect(
      (
        await lostPhone.post('/api/v1/auth/login/verify', {
          code: codes[0],
          method: 'recovery-code',
        })
      ).status,
    ).toBe(200);
    const reuse = client();
    await reuse.login(username, TEST_PASSWORD);
    expect(
      (await reuse.post('/api/v1/auth/login/verify', { code: codes[0], method: 'recovery-code' }))
        .status,
    ).toBe(400);
  });

  it('asks for the password before an authenticator set-up, so a stolen session cannot swap the app', async () => {
    const { username, account } = await createPatientAccount(testApp, {
      secondFactor: 'totp',
      totpSecret: SECRET,
    });
    const browser = client();
    await browser.login(username, TEST_PASSWORD);
    await browser.post('/api/v1/auth/login/verify', {
      code: totpCode(SECRET, totpStep(now())),
      method: 'totp',
    });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);

    const without = await browser.post('/api/v1/account/totp/setup');
    expect(without.status).toBe(400);
    expect(without.body!.errors[0].field).toBe('password');
    const empty = await browser.post('/api/v1/account/totp/setup', { password: '' });
    expect(empty.status).toBe(400);
    expect(empty.body!.errors[0].field).toBe('password');
    const wrong = await browser.post('/api/v1/account/totp/setup', { password: 'not it at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: 'wrong_password',
      errors: [{ field: 'password', message: 'Your current password is not right.' }],
    });
    // Nothing pending after the refusals: a confirm has nothing to finish.
    const nothing = await browser.post('/api/v1/account/totp/confirm', {
      code: totpCode(SECRET, totpStep(now())),
    });
    expect(nothing.status).toBe(409);
    expect(nothing.body).toMatchObject({ code: 'no_setup_in_progress' });
    const stored = await testApp.app.get(AccountsService).findById(account.id);
    expect(stored).toMatchObject({ secondFactor: 'totp', pendingTotpSecret: null });
    expect(openTotpSecret(testApp.app.get(ServerKeys), stored!.totpSecret!)).toBe(SECRET);

    const right = await browser.post('/api/v1/account/totp/setup', { password: TEST_PASSWORD });
    expect(right.status).toBe(200);
    expect(right.body!.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(right.body!.secret).not.toBe(SECRET);
  });

  it('lets an authenticator set-up lapse after 10 minutes', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = client();
    await browser.login(username, TEST_PASSWORD);
    const setup = await browser.post('/api/v1/account/totp/setup', { password: TEST_PASSWORD });
    const secret = setup.body!.secret as string;

    clock.advance(11 * 60_000);
    const late = await browser.post('/api/v1/account/totp/confirm', {
      code: totpCode(secret, totpStep(now())),
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'no_setup_in_progress',
      detail: 'Start the authenticator set-up again, then enter the code it shows.',
    });
    expect((await browser.get('/api/v1/account/security')).body).toMatchObject({
      secondFactor: 'none',
    });

    const again = await browser.post('/api/v1/account/totp/setup', { password: TEST_PASSWORD });
    const fresh = again.body!.secret as string;
    const confirmed = await browser.post('/api/v1/account/totp/confirm', {
      code: totpCode(fresh, totpStep(now())),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body!.recoveryCodes).toHaveLength(10);
  });

  it('ends the other sessions when the password changes, and lists and ends sessions', async () => {
    const { username } = await createPatientAccount(testApp);
    const phone = client();
    const laptop = client();
    await phone.login(username, TEST_PASSWORD);
    await laptop.login(username, TEST_PASSWORD);
    const list = await laptop.get('/api/v1/account/sessions');
    expect(list.body!.items).toHaveLength(2);
    expect(list.body!.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const weak = await laptop.post('/api/v1/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(weak.body!.errors[0].field).toBe('newPassword');
    const wrongCurrent = await laptop.post('/api/v1/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'a much better passphrase',
    });
    expect(wrongCurrent.body!.errors[0].field).toBe('currentPassword');
    expect(
      (
        await laptop.post('/api/v1/account/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'a much better passphrase',
        })
      ).status,
    ).toBe(204);
    expect((await phone.get('/api/v1/auth/session')).status).toBe(204);
    expect((await laptop.get('/api/v1/auth/session')).status).toBe(200);

    const tablet = client();
    await tablet.login(username, 'a much better passphrase');
    const other = (await laptop.get('/api/v1/account/sessions')).body!.items.find(
      (s: { current: boolean }) => !s.current,
    );
    expect((await laptop.request('DELETE', `/api/v1/account/sessions/${other.id}`)).status).toBe(
      204,
    );
    expect((await tablet.get('/api/v1/auth/session')).status).toBe(204);
    expect(
      (await laptop.request('DELETE', `/api/v1/account/sessions/${'0'.repeat(64)}`)).status,
    ).toBe(404);
  });

  it('resets a forgotten password by emailed link, once, ending every session', async () => {
    const { username, account } = await createPatientAccount(testApp);
    const old = client();
    await old.login(username, TEST_PASSWORD);
    expect(
      (await client().post('/api/v1/auth/password-reset', { identifier: account.email })).status,
    ).toBe(204);
    expect(
      (await client().post('/api/v1/auth/password-reset', { identifier: 'nobody@nowhere.test' }))
        .status,
    ).toBe(204);
    const token = linkIn((await mailTo(account.email)).raw, '/reset-password');
    const weak = await client().post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(
      (
        await client().post('/api/v1/auth/password-reset/complete', {
          token,
          password: 'new passphrase for me',
        })
      ).status,
    ).toBe(204);
    expect((await old.get('/api/v1/auth/session')).status).toBe(204);
    expect((await client().login(username, 'new passphrase for me')).status).toBe(200);
    const reused = await client().post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'another passphrase here',
    });
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({ code: 'link_invalid' });
  });

  it('emails a forgotten username without saying whether an address is known', async () => {
    const { username, account } = await createPatientAccount(testApp);
    expect(
      (
        await client().post('/api/v1/auth/username-reminder', {
          email: account.email.toUpperCase(),
        })
      ).status,
    ).toBe(204);
    expect((await mailTo(account.email)).raw).toContain(username);
    expect(
      (await client().post('/api/v1/auth/username-reminder', { email: 'unknown@nowhere.test' }))
        .status,
    ).toBe(204);
    expect(
      (await client().post('/api/v1/auth/username-reminder', { email: 'not-an-email' })).status,
    ).toBe(400);
  });

  it('lets the owner lift a sign-in pause through the emailed link', async () => {
    const { username, account } = await createPatientAccount(testApp);
    const attacker = client();
    for (let i = 0; i < 5; i++) await attacker.login(username, `wrong guess ${i}`);
    expect((await client().login(username, TEST_PASSWORD)).status).toBe(429);
    const token = linkIn((await mailTo(account.email)).raw, '/unlock');
    expect((await client().post('/api/v1/auth/unlock', { token })).status).toBe(204);
    expect((await client().login(username, TEST_PASSWORD)).status).toBe(200);
    expect((await client().post('/api/v1/auth/unlock', { token })).status).toBe(410);
  });

  it('counts parallel guesses: at most 5 per sign-in, and gives a fresh session id on success', async () => {
    const { username } = await createPatientAccount(testApp, {
      secondFactor: 'totp',
      totpSecret: SECRET,
    });
    const browser = client();
    await browser.login(username, TEST_PASSWORD);
    const waiting = browser.cookies.get('portal_session');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        browser.post('/api/v1/auth/login/verify', { code: String(100000 + i), method: 'totp' }),
      ),
    );
    expect(guesses.filter((g) => g.body?.code === 'invalid_code').length).toBeLessThanOrEqual(4);
    const right = await browser.post('/api/v1/auth/login/verify', {
      code: totpCode(SECRET, totpStep(now())),
      method: 'totp',
    });
    expect(right.status).toBe(401); // the sign-in was used up by the guesses

    const honest = client();
    await honest.login(username, TEST_PASSWORD);
    const before = honest.cookies.get('portal_session');
    expect(before).not.toBe(waiting);
    const ok = await honest.post('/api/v1/auth/login/verify', {
      code: totpCode(SECRET, totpStep(now()) + 1),
      method: 'totp',
    });
    expect(ok.status).toBe(200);
    expect(honest.cookies.get('portal_session')).not.toBe(before);
    const stale = client();
    stale.cookies.set('portal_session', before!);
    expect((await stale.get('/api/v1/auth/session')).status).toBe(204);
  });

  it('drops recovery codes when the authenticator app is given up', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = client();
    await browser.login(username, TEST_PASSWORD);
    const secret = (await browser.post('/api/v1/account/totp/setup', { password: TEST_PASSWORD }))
      .body!.secret as string;
    const codes = (
      await browser.post('/api/v1/account/totp/confirm', {
        code: totpCode(secret, totpStep(now())),
      })
    ).body!.recoveryCodes as string[];
    expect(
      (
        await browser.post('/api/v1/account/second-factor', {
          method: 'email',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(204);
    expect((await browser.get('/api/v1/account/security')).body).toMatchObject({
      secondFactor: 'email',
      recoveryCodesRemaining: 0,
    });
    const later = client();
    const login = await later.login(username, TEST_PASSWORD);
    expect(login.body!.methods).toEqual(['email']);
    expect(
      (await later.post('/api/v1/auth/login/verify', { code: codes[0], method: 'recovery-code' }))
        .status,
    ).toBe(400);
  });
});
