import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPatientAccount, TEST_PASSWORD } from '../support/accounts.js';
import { BrowserClient } from '../support/browser-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let ipCounter = 0;
const ip = () => `10.78.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function cookieLine(lines: string[], name: string): string | undefined {
  return lines.find((line) => line.startsWith(`${name}=`));
}

describe('CSRF tokens bound to the session', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('uses plain cookie names on http://localhost', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    const login = await browser.login(username, TEST_PASSWORD);
    expect(login.status).toBe(200);
    const lines = login.headers.getSetCookie();
    expect(cookieLine(lines, 'portal_session')).toMatch(/HttpOnly/);
    expect(cookieLine(lines, 'csrf_token')).toBeDefined();
    expect(lines.some((line) => line.startsWith('__Host-'))).toBe(false);
  });

  it('sets a new token at sign-in; the token from before it no longer works', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    await browser.get('/api/v1/auth/session');
    const before = browser.csrf!;
    expect(before).toBeDefined();
    const login = await browser.login(username, TEST_PASSWORD);
    expect(login.status).toBe(200);
    expect(cookieLine(login.headers.getSetCookie(), 'csrf_token')).toBeDefined();
    const after = browser.csrf!;
    expect(after).not.toBe(before);

    // The old pair, cookie and header alike, next to the new session: refused.
    const stale = await browser.request('POST', '/api/v1/auth/logout', undefined, {
      cookie: `portal_session=${browser.session}; csrf_token=${encodeURIComponent(before)}`,
      'x-csrf-token': before,
    });
    expect(stale.status).toBe(403);
    expect(stale.body).toMatchObject({ code: 'csrf_token_invalid' });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);

    const logout = await browser.post('/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    // Signing out sets a fresh anonymous token and deletes the session cookie.
    const lines = logout.headers.getSetCookie();
    expect(cookieLine(lines, 'portal_session')).toMatch(/Max-Age=0/);
    expect(cookieLine(lines, 'csrf_token')).toBeDefined();
    expect(browser.csrf).not.toBe(after);
  });

  it('refuses a matching cookie and header that are not bound to the session', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    await browser.login(username, TEST_PASSWORD);
    // What a sibling site that can plant cookies would try: a pair of its own choosing.
    const planted = await browser.request('POST', '/api/v1/auth/logout', undefined, {
      cookie: `portal_session=${browser.session}; csrf_token=planted`,
      'x-csrf-token': 'planted',
    });
    expect(planted.status).toBe(403);
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('refuses the token of another session', async () => {
    const [one, two] = [await createPatientAccount(testApp), await createPatientAccount(testApp)];
    const first = new BrowserClient(testApp, ip());
    const second = new BrowserClient(testApp, ip());
    await first.login(one.username, TEST_PASSWORD);
    await second.login(two.username, TEST_PASSWORD);
    const crossed = await second.request('POST', '/api/v1/auth/logout', undefined, {
      cookie: `portal_session=${second.session}; csrf_token=${encodeURIComponent(first.csrf!)}`,
      'x-csrf-token': first.csrf!,
    });
    expect(crossed.status).toBe(403);
    expect((await second.post('/api/v1/auth/logout')).status).toBe(204);
  });

  it('hands a signed-in browser with a stale token a bound one on its next API answer', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    await browser.login(username, TEST_PASSWORD);
    const bound = browser.csrf!;
    browser.cookies.set('csrf_token', 'left-over');
    const answer = await browser.get('/api/v1/auth/session');
    expect(cookieLine(answer.headers.getSetCookie(), 'csrf_token')).toBeDefined();
    expect(browser.csrf).toBe(bound);
    // A request that already carries the bound token gets no new cookie.
    const again = await browser.get('/api/v1/auth/session');
    expect(cookieLine(again.headers.getSetCookie(), 'csrf_token')).toBeUndefined();
  });
});

describe('cookies where the public origin is HTTPS', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ PUBLIC_URL: 'https://portal.example.test' });
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('names the session and CSRF cookies __Host- (Secure, Path=/, no Domain)', async () => {
    const { username } = await createPatientAccount(testApp);
    const browser = new BrowserClient(testApp, ip());
    const anonymous = await browser.get('/api/v1/auth/session');
    const csrf = cookieLine(anonymous.headers.getSetCookie(), '__Host-csrf_token')!;
    expect(csrf).toBeDefined();
    const login = await browser.login(username, TEST_PASSWORD);
    expect(login.status).toBe(200);
    const lines = login.headers.getSetCookie();
    const session = cookieLine(lines, '__Host-portal_session')!;
    for (const line of [csrf, session, cookieLine(lines, '__Host-csrf_token')!]) {
      const attributes = line.split(';').map((part) => part.trim());
      expect(attributes).toContain('Secure');
      expect(attributes).toContain('Path=/');
      expect(attributes.some((part) => /^domain=/i.test(part))).toBe(false);
    }
    expect(session).toMatch(/HttpOnly/);
    expect(lines.some((line) => /^(portal_session|csrf_token)=/.test(line))).toBe(false);
    // The plain names mean nothing there: no session (204 from the session check).
    const plain = await browser.request('GET', '/api/v1/auth/session', undefined, {
      cookie: `portal_session=${browser.session}`,
    });
    expect(plain.status).toBe(204);
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
    expect((await browser.post('/api/v1/auth/logout')).status).toBe(204);
  });
});
