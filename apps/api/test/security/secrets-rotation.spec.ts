import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ServerKeys } from '../../src/common/server-keys.js';
import { totpCode, totpStep } from '../../src/common/totp.js';
import { formatSecretKey } from '../../src/config/secret-keys.js';
import { newId } from '../../src/infra/database/ids.js';
import { composeEmail, MAIL_SECRET } from '../../src/infra/mail/compose.js';
import { MAIL_SECRET_PURPOSE, MailService } from '../../src/infra/mail/mail.service.js';
import { AccountsService } from '../../src/modules/accounts/accounts.service.js';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const LEGACY_CODE = 'mnpqr-stuvw';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `npm run rotate-keys -w @portal/api`, as an operator runs it: the built command. */
function rotateKeys(env: Record<string, string>) {
  const { NODE_OPTIONS: _jestOnly, ...inherited } = process.env;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(API_DIR, 'dist/bin/rotate-keys.js')],
      { cwd: API_DIR, env: { ...inherited, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('server key rotation', () => {
  let oldApp: TestApp;
  let newApp: TestApp | undefined;
  let db: DataSource;
  let ip = 0;

  beforeAll(async () => {
    oldApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' }, { runWorkers: false });
    db = oldApp.app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await newApp?.close();
    await oldApp?.close();
  });

  const account = async (id: string) =>
    (await db.query('SELECT totp_secret, pending_totp_secret FROM account WHERE id = $1', [id]))[0];

  it('seals every secret again under a new key, plain ones included, so the old key can go', async () => {
    const accounts = oldApp.app.get(AccountsService);
    // An authenticator secret and a recovery code stored before sealing existed.
    const plain = await createPatientAccount(oldApp, { secondFactor: 'totp', totpSecret: SECRET });
    await db.query('UPDATE account SET totp_secret = $2 WHERE id = $1', [plain.account.id, SECRET]);
    await db.query(
      `INSERT INTO recovery_code (id, account_id, code_hash, used_at, created_at)
       VALUES ($1, $2, $3, NULL, now())`,
      [newId(), plain.account.id, sha256(LEGACY_CODE)],
    );
    // A sealed secret, recovery codes, a set-up in progress and a queued email, all under the old key.
    const sealed = await createPatientAccount(oldApp, { secondFactor: 'totp', totpSecret: SECRET });
    const codes = await accounts.replaceRecoveryCodes(sealed.account.id);
    const settingUp = await createPatientAccount(oldApp);
    const pendingSecret = await accounts.startTotpEnrollment(settingUp.account.id);
    const linkToken = randomBytes(32).toString('base64url');
    const mailId = await oldApp.app.get(MailService).record(
      composeEmail({
        template: 'password-reset',
        to: `rotation-${newId()}@example.test`,
        subject: 'Reset',
        paragraphs: ['Reset your password.'],
        action: { label: 'Reset', url: `https://portal.test/reset-password#token=${MAIL_SECRET}` },
        secret: { value: linkToken, expiresAt: new Date(Date.now() + 3_600_000) },
        clinicName: 'Test',
      }),
    );

    // Step 1: a new key goes first, the old one stays listed. Step 2: the command.
    const old = oldApp.config.secretKeys.current;
    const next = { id: `r${newId().replace(/-/g, '').slice(-12)}`, key: randomBytes(32) };
    const run = await rotateKeys({
      NODE_ENV: 'test',
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      APP_SECRET_KEYS: `${formatSecretKey(next.id, next.key)},${formatSecretKey(old.id, old.key)}`,
      RUN_WORKERS: 'false',
      SEED_DEMO: 'false',
      SERVE_SPAS: 'false',
    });
    // 2: values in this shared database that no listed key opens (other runs' keys) are reported.
    expect([0, 2]).toContain(run.code);
    expect(run.stdout).toContain(`Sealed under the current key "${next.id}"`);

    for (const id of [plain.account.id, sealed.account.id]) {
      expect(ServerKeys.keyIdOf((await account(id)).totp_secret)).toBe(next.id);
    }
    expect((await account(settingUp.account.id)).pending_totp_secret).toMatch(
      new RegExp(`^\\d+:v1\\.${next.id}\\.`),
    );
    const recovery: { code_hash: string }[] = await db.query(
      'SELECT code_hash FROM recovery_code WHERE account_id = ANY($1) AND used_at IS NULL',
      [[plain.account.id, sealed.account.id]],
    );
    expect(recovery).toHaveLength(11);
    for (const { code_hash } of recovery) expect(ServerKeys.keyIdOf(code_hash)).toBe(next.id);
    const [mail] = await db.query('SELECT secret_sealed FROM mail_delivery WHERE id = $1', [
      mailId,
    ]);
    expect(ServerKeys.keyIdOf(mail.secret_sealed)).toBe(next.id);

    // Step 3: the old key is dropped. Everything still works.
    newApp = await startTestApp(
      {
        STAFF_SECOND_FACTOR_REQUIRED: 'false',
        APP_SECRET_KEYS: formatSecretKey(next.id, next.key),
      },
      { runWorkers: false },
    );
    const client = () => new BrowserClient(newApp!, `10.212.${Math.floor(++ip / 250)}.${ip % 250}`);
    const signIn = async (username: string, code: string, method: string) => {
      const browser = client();
      await browser.login(username, TEST_PASSWORD);
      return (await browser.post('/api/v1/auth/login/verify', { code, method })).status;
    };
    expect(await signIn(plain.username, totpCode(SECRET, totpStep(new Date())), 'totp')).toBe(200);
    expect(await signIn(plain.username, LEGACY_CODE, 'recovery-code')).toBe(200);
    expect(await signIn(sealed.username, codes[0]!, 'recovery-code')).toBe(200);
    const newAccounts = newApp.app.get(AccountsService);
    const confirmed = await newAccounts.confirmTotpEnrollment(
      (await newAccounts.findById(settingUp.account.id))!,
      totpCode(pendingSecret, totpStep(new Date())),
    );
    expect(confirmed).toHaveLength(10);
    expect(newApp.app.get(ServerKeys).decrypt(MAIL_SECRET_PURPOSE, mail.secret_sealed)).toBe(
      linkToken,
    );
  });
});
