import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/config.js';
import { createPatientAccount } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A documentation-range IPv6 address no other run has used. */
const freshAddress = () => `2001:db8:${randomBytes(6).toString('hex').match(/.{4}/g)!.join(':')}`;

/** The client address the sign-in throttle counted, among the candidates. */
async function countedAddresses(db: DataSource, candidates: string[]): Promise<string[]> {
  const rows: { key: string }[] = await db.query(
    `SELECT key FROM login_throttle WHERE key = ANY($1)`,
    [candidates.map((address) => `ip:${address}`)],
  );
  return rows.map((row) => row.key.slice('ip:'.length)).sort();
}

async function failOnce(testApp: TestApp, forwardedFor?: string) {
  const { username } = await createPatientAccount(testApp);
  const browser = new BrowserClient(testApp);
  const answer = await browser.request(
    'POST',
    '/api/v1/auth/login',
    { username, password: 'not the password at all' },
    forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  );
  expect(answer.status).toBe(401);
}

describe('per-IP limits count the real client address, never one a client claims', () => {
  it('refuses TRUST_PROXY=true and hop counts at boot, saying what to set', () => {
    for (const value of ['true', '1']) {
      expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: .*list the addresses or CIDRs of your reverse proxies/,
      );
    }
  });

  describe('with no trusted proxy', () => {
    let testApp: TestApp;
    let db: DataSource;
    beforeAll(async () => {
      testApp = await startTestApp({ TRUST_PROXY: '' });
      db = testApp.app.get(getDataSourceToken());
    });
    afterAll(() => testApp?.close());

    it('ignores a spoofed X-Forwarded-For from the peer and counts the peer', async () => {
      const spoofed = freshAddress();
      await failOnce(testApp, spoofed);
      expect(await countedAddresses(db, [spoofed])).toEqual([]);
      const [row] = await db.query(
        `SELECT failures FROM login_throttle WHERE key = 'ip:127.0.0.1' AND window_started_at > now() - interval '15 minutes'`,
      );
      expect(row.failures).toBeGreaterThanOrEqual(1);
    });
  });

  describe('behind a list of trusted proxies', () => {
    let testApp: TestApp;
    let db: DataSource;
    beforeAll(async () => {
      // The test client connects from loopback, standing in for the load balancer; the
      // proxies' private range sits between it and the client.
      testApp = await startTestApp({ TRUST_PROXY: '127.0.0.1, ::1, 2001:db8:ffff::/48' });
      db = testApp.app.get(getDataSourceToken());
    });
    afterAll(() => testApp?.close());

    it('takes the client from the trusted hops', async () => {
      const client = freshAddress();
      const proxy = `2001:db8:ffff::${randomBytes(2).toString('hex')}`;
      await failOnce(testApp, `${client}, ${proxy}`);
      expect(await countedAddresses(db, [client, proxy])).toEqual([client]);
    });

    it('stops at the first untrusted hop: what a client writes before it is ignored', async () => {
      const spoofed = freshAddress();
      const client = freshAddress();
      await failOnce(testApp, `${spoofed}, ${client}`);
      expect(await countedAddresses(db, [spoofed, client])).toEqual([client]);
    });
  });
});
