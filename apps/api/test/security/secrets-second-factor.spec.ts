import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { ServerKeys } from '../../src/common/server-keys.js';
import { openTotpSecret, totpCode, totpStep } from '../../src/common/totp.js';
import { newId } from '../../src/infra/database/ids.js';
import { DEMO_TOTP_SECRET } from '../../src/modules/demo/demo-seed.service.js';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('second-factor secrets at rest', () => {
  let testApp: TestApp;
  let db: DataSource;
  let clock: Clock;
  let keys: ServerKeys;
  let ip = 0;
  const client = () => new BrowserClient(testApp, `10.211.${Math.floor(++ip / 250)}.${ip % 250}`);

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    clock = testApp.app.get(Clock);
    keys = testApp.app.get(ServerKeys);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const stored = async (accountId: string) =>
    (
      await db.query(
        'SELECT totp_secret, pending_totp_secret, totp_last_step FROM account WHERE id = $1',
        [accountId],
      )
    )[0] as { totp_secret: string | null; pending_totp_secret: string | null };

  /** Signs in with the authenticator code of the next time step (codes never work twice). */
  async function signInWithTotp(username: string, secret: string) {
    clock.advance(30_000);
    const browser = client();
    expect((await browser.login(username, TEST_PASSWORD)).body).toMatchObject({
      status: 'second-factor-required',
    });
    return browser.post('/api/v1/auth/login/verify', {
      code: totpCode(secret, totpStep(clock.now())),
      method: 'totp',
    });
  }

  async function enroll() {
    const { username, account } = await createPatientAccount(testApp);
    const browser = client();
    await browser.login(username, TEST_PASSWORD);
    const setup = await browser.post('/api/v1/account/totp/setup', { password: TEST_PASSWORD });
    expect(setup.status).toBe(200);
    const secret = setup.body!.secret as string;
    const pending = (await stored(account.id)).pending_totp_secret!;
    const confirmed = await browser.post('/api/v1/account/totp/confirm', {
      code: totpCode(secret, totpStep(clock.now())),
    });
    expect(confirmed.status).toBe(200);
    return {
      username,
      account,
      secret,
      pending,
      recoveryCodes: confirmed.body!.recoveryCodes as string[],
    };
  }

  it('keeps an authenticator secret encrypted, during set-up and after, and it still signs in', async () => {
    const { username, account, secret, pending } = await enroll();
    expect(pending).not.toContain(secret);
    const row = await stored(account.id);
    expect(row.pending_totp_secret).toBeNull();
    expect(row.totp_secret).not.toContain(secret);
    expect(ServerKeys.keyIdOf(row.totp_secret!)).toBe(keys.currentKeyId);
    expect(openTotpSecret(keys, row.totp_secret!)).toBe(secret);
    expect((await signInWithTotp(username, secret)).status).toBe(200);
  });

  it('seals the secret of an account created with one (the demo seed), which still signs in', async () => {
    const { username, account } = await createPatientAccount(testApp, {
      secondFactor: 'totp',
      totpSecret: DEMO_TOTP_SECRET,
    });
    const row = await stored(account.id);
    expect(row.totp_secret).not.toContain(DEMO_TOTP_SECRET);
    expect(ServerKeys.keyIdOf(row.totp_secret!)).toBe(keys.currentKeyId);
    expect((await signInWithTotp(username, DEMO_TOTP_SECRET)).status).toBe(200);
  });

  it('still accepts a secret stored in plain text before, seals it on that use, and refuses a replay', async () => {
    const { username, account } = await createPatientAccount(testApp, {
      secondFactor: 'totp',
      totpSecret: SECRET,
    });
    await db.query('UPDATE account SET totp_secret = $2 WHERE id = $1', [account.id, SECRET]);
    const verified = await signInWithTotp(username, SECRET);
    expect(verified.status).toBe(200);
    const row = await stored(account.id);
    expect(row.totp_secret).not.toContain(SECRET);
    expect(openTotpSecret(keys, row.totp_secret!)).toBe(SECRET);
    // The same code again, in the same time step: refused.
    const replay = client();
    await replay.login(username, TEST_PASSWORD);
    const again = await replay.post('/api/v1/auth/login/verify', {
      code: totpCode(SECRET, totpStep(clock.now())),
      method: 'totp',
    });
    expect(again.status).toBe(400);
  });

  it('stores recovery codes salted and sealed, never as a hash of the code alone', async () => {
    const { username, account, recoveryCodes } = await enroll();
    const rows: { code_hash: string }[] = await db.query(
      'SELECT code_hash FROM recovery_code WHERE account_id = $1',
      [account.id],
    );
    expect(rows).toHaveLength(10);
    const plainHashes = new Set(recoveryCodes.flatMap((code) => [sha256(code), code]));
    for (const { code_hash } of rows) {
      expect(plainHashes.has(code_hash)).toBe(false);
      for (const code of recoveryCodes) expect(code_hash).not.toContain(code);
      expect(ServerKeys.keyIdOf(code_hash)).toBe(keys.currentKeyId);
    }
    // Two codes made alike still store differently (each has its own salt and IV).
    expect(new Set(rows.map((row) => row.code_hash)).size).toBe(10);

    const lostPhone = client();
    await lostPhone.login(username, TEST_PASSWORD);
    const used = await lostPhone.post('/api/v1/auth/login/verify', {
      code: recoveryCodes[3]!.toUpperCase(),
      method: 'recovery-code',
    });
    expect(used.status).toBe(200);
    const reuse = client();
    await reuse.login(username, TEST_PASSWORD);
    expect(
      (
        await reuse.post('/api/v1/auth/login/verify', {
          code: recoveryCodes[3],
          method: 'recovery-code',
        })
      ).status,
    ).toBe(400);
  });

  it('still accepts, once, a recovery code stored as an unsalted hash before', async () => {
    const { username, account } = await createPatientAccount(testApp, {
      secondFactor: 'totp',
      totpSecret: SECRET,
    });
    const legacy = 'abcde-fghjk';
    await db.query(
      `INSERT INTO recovery_code (id, account_id, code_hash, used_at, created_at)
       VALUES ($1, $2, $3, NULL, now())`,
      [newId(), account.id, sha256(legacy)],
    );
    const first = client();
    await first.login(username, TEST_PASSWORD);
    expect(
      (await first.post('/api/v1/auth/login/verify', { code: legacy, method: 'recovery-code' }))
        .status,
    ).toBe(200);
    const second = client();
    await second.login(username, TEST_PASSWORD);
    expect(
      (await second.post('/api/v1/auth/login/verify', { code: legacy, method: 'recovery-code' }))
        .status,
    ).toBe(400);
  });
});
