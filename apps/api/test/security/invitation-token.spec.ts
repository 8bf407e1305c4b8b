import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApiDocument } from '../../src/create-app.js';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import {
  createPatient,
  newBrowser,
  readMail,
  signedInStaff,
  tokenIn,
} from '../support/invitation-flow.js';
import { type ReceivedMail, type SmtpSink, startTestAppWithMail } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Secrets in emailed links (invitation, password reset, unlock, a new staff member's
 * set-password link) travel in the URL fragment (`#token=…`): browsers never send it, so no
 * server, proxy or CDN log and no Referer holds it. The app sends it in a header or a body.
 */
const PUBLIC_URL = 'https://portal.test';

describe('tokens of emailed links stay out of URLs', () => {
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

  const mailTo = (address: string, count = 1) => smtp.mailTo(address, count);

  /** The token of the one link to `path`, which must carry it in the fragment only. */
  function fragmentToken(mail: ReceivedMail, path: string): string {
    const { text, html } = readMail(mail);
    for (const body of [text, html]) {
      const links = body.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
      for (const link of links) expect(new URL(link.replace(/&amp;/g, '&')).search).toBe('');
    }
    const match = new RegExp(`${PUBLIC_URL}${path}#token=([A-Za-z0-9_-]{43})(?![\\w-])`).exec(text);
    expect(match).not.toBeNull();
    expect(html).toContain(`href="${PUBLIC_URL}${path}#token=${match![1]}"`);
    return match![1]!;
  }

  it('puts the invitation token in the link fragment and checks it by header only', async () => {
    const desk = await signedInStaff(testApp, ['front-desk']);
    const patient = await createPatient(desk);
    expect((await desk.post(`/api/v1/patients/${patient.id}/invitations`)).status).toBe(201);
    const mail = await mailTo(patient.email!);
    const token = fragmentToken(mail, '/register');
    expect(tokenIn(mail, PUBLIC_URL)).toBe(token);

    const browser = newBrowser(testApp);
    // The old way, a GET with the token in the query string, is gone.
    const old = await browser.get(
      `/api/v1/registration/invitations/current?token=${encodeURIComponent(token)}`,
    );
    expect(old.status).toBe(404);
    expect(old.body).not.toHaveProperty('clinicName');

    // Checked with the token in a header: no URL the server or a proxy logs holds it.
    const checked = await browser.request('GET', '/api/v1/registration/invitation', undefined, {
      'x-invitation-token': token,
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ status: 'valid', identityMethods: expect.any(Array) });
    // A token in the query string is not read.
    const queried = await browser.get(
      `/api/v1/registration/invitation?token=${encodeURIComponent(token)}`,
    );
    expect(queried.status).toBe(400);
    expect(queried.body).toMatchObject({ code: 'validation_failed' });
  });

  it('puts password-reset and unlock tokens in the link fragment', async () => {
    const { account } = await createPatientAccount(testApp);
    const browser = newBrowser(testApp);
    expect(
      (await browser.post('/api/v1/auth/password-reset', { identifier: account.email })).status,
    ).toBe(204);
    const reset = fragmentToken(await mailTo(account.email), '/reset-password');
    expect(
      (
        await newBrowser(testApp).post('/api/v1/auth/password-reset/complete', {
          token: reset,
          password: 'a fresh passphrase to use',
        })
      ).status,
    ).toBe(204);

    const locked = await createPatientAccount(testApp);
    const attacker = newBrowser(testApp);
    for (let i = 0; i < 5; i++) await attacker.login(locked.username, `wrong guess ${i}`);
    const unlock = fragmentToken(await mailTo(locked.account.email), '/unlock');
    expect((await newBrowser(testApp).post('/api/v1/auth/unlock', { token: unlock })).status).toBe(
      204,
    );
    expect((await newBrowser(testApp).login(locked.username, TEST_PASSWORD)).status).toBe(200);
  });

  it("puts a new staff member's set-password token in the link fragment", async () => {
    const admin = await signedInStaff(testApp, ['admin']);
    const username = `fragment-${Date.now().toString(36)}`;
    const email = `${username}@example.test`;
    const created = await admin.post('/api/v1/staff', {
      username,
      displayName: 'Fragment Tester',
      email,
      roles: ['nurse'],
    });
    expect(created.status).toBe(201);
    fragmentToken(await mailTo(email), '/admin/reset-password');
  });

  it('takes no secret in a query string anywhere in the API', () => {
    const document = buildOpenApiDocument(testApp.app);
    const offenders: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const parameters = (operation as { parameters?: { in: string; name: string }[] })
          .parameters;
        for (const parameter of parameters ?? []) {
          if (parameter.in === 'query' && /token|ticket|secret|password/i.test(parameter.name)) {
            offenders.push(`${method.toUpperCase()} ${path} ?${parameter.name}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
