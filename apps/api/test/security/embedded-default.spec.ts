import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createApp } from '../../src/create-app.js';
import type { MailTransport } from '../../src/infra/mail/mail-transport.js';
import { MAIL_TRANSPORT } from '../../src/infra/mail/mail.tokens.js';
import { AccountsService } from '../../src/modules/accounts/accounts.service.js';
import { DEMO_PASSWORD, DemoSeedService } from '../../src/modules/demo/demo-seed.service.js';
import { createStaffAccount, TEST_PASSWORD } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The embedded default (`npm start`: no DATABASE_URL) is a demo for this machine. Once HOST
 * makes it reachable from the network it must behave like any other portal: no staff sign-in
 * without a second factor, no emailed links in the log, no demo accounts with the published
 * password.
 */

/** The embedded default's configuration, on the test database, as startRuntime builds it. */
function embeddedConfig(env: Record<string, string>, dataDir: string): AppConfig {
  const config = loadConfig({ NODE_ENV: 'test', SERVE_SPAS: 'false', DATA_DIR: dataDir, ...env });
  expect(config.embedded).toBe(true);
  return { ...config, databaseUrl: process.env.TEST_DATABASE_URL! };
}

/** An app on that configuration, its log lines kept in `lines`. */
async function startEmbedded(env: Record<string, string>, dataDir: string) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = embeddedConfig(env, dataDir);
  const app = await createApp(config, pino({ level: 'info' }, sink));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const testApp: TestApp = {
    app,
    config,
    url,
    fetch: (p, init) => fetch(`${url}${p}`, init),
    close: () => app.close(),
  };
  return { testApp, lines };
}

describe('the embedded default reachable from the network', () => {
  let dataDir: string;
  let exposed: Awaited<ReturnType<typeof startEmbedded>>;
  let loopback: Awaited<ReturnType<typeof startEmbedded>>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-embedded-'));
    exposed = await startEmbedded({ HOST: '0.0.0.0' }, dataDir);
    loopback = await startEmbedded({}, dataDir);
  });
  afterAll(async () => {
    await exposed?.testApp.close();
    await loopback?.testApp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks staff for a second factor once HOST is a network interface', async () => {
    const { username } = await createStaffAccount(exposed.testApp, ['admin']);
    const login = await new BrowserClient(exposed.testApp).post('/api/v1/auth/login', {
      username,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ status: 'second-factor-required', methods: ['email'] });

    // The loopback demo (`npm start` as it comes) still lets staff straight in.
    const local = await new BrowserClient(loopback.testApp).post('/api/v1/auth/login', {
      username,
      password: TEST_PASSWORD,
    });
    expect(local.body).toMatchObject({ status: 'signed-in' });
  });

  it('prints emailed links in the log only when nobody else can reach the portal', async () => {
    const mail = (app: NestFastifyApplication, id: string) =>
      app.get<MailTransport>(MAIL_TRANSPORT).send({
        messageId: `<${id}@portal.test>`,
        from: 'no-reply@portal.test',
        to: 'someone@example.test',
        subject: 'Reset your password',
        text: `Open https://portal.example.test/reset-password#token=secret-${id} to continue.`,
      });
    await mail(exposed.testApp.app, 'exposed');
    await mail(loopback.testApp.app, 'loopback');
    expect(exposed.lines.join('')).toContain('email written to the outbox');
    expect(exposed.lines.join('')).not.toContain('secret-exposed');
    expect(loopback.lines.join('')).toContain('secret-loopback');
  });
});

describe('demo accounts on a portal reachable from the network', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ HOST: '0.0.0.0' });
    // As an earlier loopback start (or the seed command) would have left it.
    const accounts = testApp.app.get(AccountsService);
    if (!(await accounts.findByUsername('admin.demo'))) {
      await accounts
        .create({
          kind: 'staff',
          username: 'admin.demo',
          displayName: 'Avery Admin',
          email: 'admin.demo@portal.localhost',
          password: DEMO_PASSWORD,
          roles: ['admin'],
        })
        // A parallel run may have seeded it first.
        .catch(() => undefined);
    }
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('refuses to start while a demo account keeps the published password', async () => {
    const seeder = testApp.app.get(DemoSeedService);
    expect(await seeder.accountsWithPublishedPassword()).toContain('admin.demo');
    await expect(seeder.refuseIfExposed()).rejects.toThrow(
      /HOST=0\.0\.0\.0 .*published password \(.*admin\.demo.*DANGEROUSLY_ALLOW_DEMO_ON_NETWORK/,
    );
  });

  it('starts on loopback, or with the loud override', async () => {
    for (const env of [{}, { HOST: '0.0.0.0', DANGEROUSLY_ALLOW_DEMO_ON_NETWORK: 'true' }]) {
      const other = await startTestApp(env);
      try {
        await expect(other.app.get(DemoSeedService).refuseIfExposed()).resolves.toBeUndefined();
      } finally {
        await other.close();
      }
    }
  });
});
