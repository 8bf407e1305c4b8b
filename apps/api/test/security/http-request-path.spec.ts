import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { normalizePath } from '../../src/common/request-path.js';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { rawRequest, type RawResponse } from '../support/raw-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every spelling of an API path that a router, a proxy or a browser could read as that path.
 * Sent over a raw socket: fetch would clean up the dot segments before sending.
 */
function variants(path: string): string[] {
  const rest = path.slice('/api/'.length);
  return [
    `/%61pi/${rest}`,
    `/%2561pi/${rest}`,
    `/api%2F${rest}`,
    `/api%2f${rest.replace('/', '%2F')}`,
    `//api/${rest}`,
    `/api//${rest}`,
    `/./api/${rest}`,
    `/x/../api/${rest}`,
    `/api/./${rest}`,
    `/API/${rest}`,
    `/Api/${rest.toUpperCase()}`,
    `/%41PI/${rest}`,
  ];
}

describe('request-level checks on every spelling of an API path', () => {
  let testApp: TestApp;
  let ipCounter = 0;
  const ip = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const names = () => new BrowserClient(testApp).names;
  const cookieHeader = (cookies: Record<string, string>) =>
    Object.entries(cookies)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
  const setsCookie = (response: RawResponse, name: string) =>
    response.setCookies.some((line) => line.startsWith(`${name}=`));

  it('normalizes the way a router could read the path', () => {
    expect(normalizePath('/%61pi/v1/auth/login?x=1')).toBe('/api/v1/auth/login');
    expect(normalizePath('/%2561pi/v1')).toBe('/api/v1');
    expect(normalizePath('/api%2Fv1//auth/./x/../login/')).toBe('/api/v1/auth/login');
    expect(normalizePath('\\API\\V1')).toBe('/api/v1');
    expect(normalizePath('/x/../../api')).toBe('/api');
    expect(normalizePath('/%E0%A4%A')).toBeNull();
    expect(normalizePath('/admin/login')).toBe('/admin/login');
  });

  it('never signs in without the CSRF token, however the path is spelled', async () => {
    const { username } = await createPatientAccount(testApp);
    for (const path of variants('/api/v1/auth/login')) {
      const response = await rawRequest(testApp, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      expect({ path, status: response.status }).toEqual({ path, status: expect.any(Number) });
      expect([403, 404]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(setsCookie(response, names().session)).toBe(false);
    }
  });

  it('never ends a session without the CSRF token, however the path is spelled', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    expect((await browser.login(username, TEST_PASSWORD)).status).toBe(200);
    for (const path of variants('/api/v1/auth/logout')) {
      const response = await rawRequest(testApp, {
        method: 'POST',
        path,
        headers: { cookie: cookieHeader({ [browser.names.session]: browser.session! }) },
      });
      expect([403, 404]).toContain(response.status);
    }
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('takes only JSON bodies, however the path is spelled', async () => {
    const { username } = await createPatientAccount(testApp);
    for (const path of variants('/api/v1/auth/login')) {
      // A valid anonymous token pair, so only the content-type check stands in the way.
      const response = await rawRequest(testApp, {
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: cookieHeader({ [names().csrf]: 't0ken' }),
          'x-csrf-token': 't0ken',
          'x-forwarded-for': ip(),
        },
        body: new URLSearchParams({ username, password: TEST_PASSWORD }).toString(),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 415 });
      expect(setsCookie(response, names().session)).toBe(false);
    }
  });

  it('marks patient data no-store, however the path is spelled', async () => {
    const { username, patient } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    await browser.login(username, TEST_PASSWORD);
    let served = 0;
    for (const path of variants(`/api/v1/patients/${patient.id}`)) {
      const response = await rawRequest(testApp, {
        method: 'GET',
        path,
        headers: { cookie: cookieHeader({ [browser.names.session]: browser.session! }) },
      });
      if (response.status === 200) {
        served++;
        expect(response.body).toContain(patient.id);
      }
      expect({ path, cacheControl: response.headers['cache-control'] }).toEqual({
        path,
        cacheControl: 'no-store',
      });
    }
    expect(served).toBeGreaterThan(0);
  });

  it('hands out the CSRF cookie on every spelling of an API path, never on a health probe', async () => {
    for (const path of variants('/api/v1/auth/session')) {
      const response = await rawRequest(testApp, { method: 'GET', path });
      expect({ path, issued: setsCookie(response, names().csrf) }).toEqual({ path, issued: true });
    }
    for (const path of variants('/api/health/live')) {
      const response = await rawRequest(testApp, { method: 'GET', path });
      expect({ path, cookies: response.setCookies }).toEqual({ path, cookies: [] });
    }
  });
});
