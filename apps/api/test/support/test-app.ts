import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createApp } from '../../src/create-app.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real application on the test database (and Redis when REDIS_URL is set), listening
 * on a free loopback port and driven over real HTTP. Only the environment differs from
 * production.
 */
export async function startTestApp(
  env: Record<string, string | undefined> = {},
  options: { runWorkers?: boolean } = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    SERVE_SPAS: 'false',
    // Tests connect over loopback, as a proxy on the same host would: each test client names
    // its own address in X-Forwarded-For, so per-IP limits never leak between tests.
    TRUST_PROXY: '127.0.0.1,::1',
    // The suite links the audit chain itself (AuditChainService.extend), so no background
    // statement lands inside a request whose queries a test counts.
    AUDIT_CHAIN_INTERVAL_MS: '0',
    ...env,
  });
  const app = await createApp(config, pino({ level: 'silent' }), options);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    url,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    close: () => app.close(),
  };
}
