import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import {
  codeIn,
  createPatient,
  newBrowser,
  signedInStaff,
  tokenIn,
} from '../support/invitation-flow.js';
import { type SmtpSink, startTestAppWithMail } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

/**
 * What someone holding a copy of the table would do: hash every one of the million 6-digit
 * codes the way the portal once did, and look for the stored value.
 */
function bruteForce(stored: string): string | null {
  for (let n = 0; n < 1_000_000; n++) {
    const code = String(n).padStart(6, '0');
    if (createHash('sha256').update(code).digest('hex') === stored) return code;
  }
  return null;
}

describe('6-digit codes at rest', () => {
  let smtp: SmtpSink;
  let testApp: TestApp & { smtp: SmtpSink };
  let db: DataSource;

  beforeAll(async () => {
    testApp = await startTestAppWithMail(
      { STAFF_SECOND_FACTOR_REQUIRED: 'false' },
      { runWorkers: true },
    );
    smtp = testApp.smtp;
    db = testApp.app.get(getDataSourceToken());
  });
  afterAll(() => testApp?.close());

  const mailNumber = (address: string, count = 1) => smtp.mailTo(address, count);

  it('keeps an emailed sign-in code as a keyed hash: a copy of the table does not give it away', async () => {
    const { username, account } = await createPatientAccount(testApp, { secondFactor: 'email' });
    const browser = newBrowser(testApp);
    expect((await browser.login(username, TEST_PASSWORD)).body).toMatchObject({
      status: 'second-factor-required',
    });
    const code = /sign-in code is (\d{6})/.exec((await mailNumber(account.email, 1)).raw)![1]!;
    const [row] = await db.query(
      `SELECT lc.code_hash FROM login_code lc JOIN session s ON s.id_hash = lc.session_id_hash
        WHERE s.account_id = $1 ORDER BY lc.created_at DESC LIMIT 1`,
      [account.id],
    );
    expect(row.code_hash).not.toContain(code);
    expect(bruteForce(row.code_hash)).toBeNull();
    // And it still works, once.
    expect(
      (await browser.post('/api/v1/auth/login/verify', { code, method: 'email' })).status,
    ).toBe(200);
  });

  it('keeps a registration code as a keyed hash too', async () => {
    const desk = await signedInStaff(testApp, ['front-desk']);
    const patient = (await createPatient(desk)) as { id: string; email: string };
    const invitation = await desk.post(`/api/v1/patients/${patient.id}/invitations`);
    expect(invitation.status).toBe(201);
    const token = tokenIn(await mailNumber(patient.email, 1), testApp.config.publicUrl);
    const browser = newBrowser(testApp);
    expect((await browser.post('/api/v1/registration/email-code', { token })).status).toBe(202);
    const code = codeIn(await mailNumber(patient.email, 2));
    const [row] = await db.query(
      'SELECT code_hash FROM registration_email_code WHERE invitation_id = $1',
      [invitation.body!.id],
    );
    expect(row.code_hash).not.toContain(code);
    expect(bruteForce(row.code_hash)).toBeNull();
    const verified = await browser.post('/api/v1/registration/verify-identity', {
      token,
      emailCode: code,
    });
    expect(verified.status).toBe(200);
  });
});
