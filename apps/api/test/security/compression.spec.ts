/**
 * Response compression: API answers of a kilobyte or more go out as br or gzip, chosen by
 * Accept-Encoding and marked Vary; the routes that may carry a credential next to text the
 * request chose (sign-in, account security, registration) are never compressed (BREACH).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedInPatient } from '../support/records-flow.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}

/** One request over node:http, so Accept-Encoding is exactly ours and nothing is decoded. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers });
    req.on('error', reject);
    req.on('response', (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      res.on('error', reject);
    });
    req.end(options.body);
  });
}

describe('response compression', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('sends br when accepted, else gzip, with Vary: Accept-Encoding', async () => {
    const { browser, patient } = await signedInPatient(testApp);
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // A patient's own read, answered with a 400 that names each of 40 unknown parameters.
    const query = Array.from({ length: 40 }, (_, i) => `unknownParameter${i}=1`).join('&');
    const url = `${testApp.url}/api/v1/patients/${patient.id}/appointments?${query}`;
    const br = await raw(url, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(400);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gzip = await raw(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    const plain = await raw(url, { headers: { cookie } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes).toBeGreaterThan(1024);
    expect(br.bytes).toBeLessThan(plain.bytes / 4);
  });

  it('leaves answers under a kilobyte as they are', async () => {
    const live = await raw(`${testApp.url}/api/health/live`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(live.status).toBe(200);
    expect(live.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses sign-in, account or registration answers, however large', async () => {
    const session = await raw(`${testApp.url}/api/v1/auth/session`);
    const csrf = String(session.headers['set-cookie']).match(/csrf_token=([^;]+)/)?.[1] as string;
    // Unknown fields: a 400 that names every one of them, several kilobytes long.
    const unknown = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`unknownField${i}unknownField${i}`, 1]),
    );
    for (const [path, fields] of [
      ['/api/v1/auth/login', { username: 'someone', password: 'not the password' }],
      ['/api/v1/registration/email-code', {}],
    ] as const) {
      for (const spelling of [path, path.replace('/api/', '/%61pi/')]) {
        const answer = await raw(`${testApp.url}${spelling}`, {
          method: 'POST',
          headers: {
            'accept-encoding': 'br, gzip',
            'content-type': 'application/json',
            cookie: `csrf_token=${csrf}`,
            'x-csrf-token': csrf,
          },
          body: JSON.stringify({ ...fields, ...unknown }),
        });
        expect([spelling, answer.status]).toEqual([spelling, 400]);
        expect(answer.bytes).toBeGreaterThan(1024);
        expect([spelling, answer.headers['content-encoding']]).toEqual([spelling, undefined]);
      }
    }
  });

  it('does not decompress request bodies', async () => {
    const answer = await raw(`${testApp.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        cookie: 'csrf_token=t0ken',
        'x-csrf-token': 't0ken',
      },
      body: 'not gzip',
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
