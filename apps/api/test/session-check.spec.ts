/**
 * GET /api/v1/auth/session: the session, or 204 with no body when there is none. Being
 * signed out is the normal answer on the sign-in page, so it must not be a failed request
 * (browsers log every 4xx in the console); every other signed-in route still answers 401.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedInPatient } from './support/records-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the session check', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 204 with no body when there is no session, and still hands out the CSRF cookie', async () => {
    for (const cookie of [undefined, 'portal_session=not-a-session-anyone-has']) {
      const response = await testApp.fetch('/api/v1/auth/session', {
        headers: cookie ? { cookie } : {},
      });
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
      expect(response.headers.getSetCookie().some((c) => c.startsWith('csrf_token='))).toBe(true);
    }
  });

  it('answers the session while it lasts, then 204; other routes answer 401', async () => {
    const { browser, patient } = await signedInPatient(testApp);
    const open = await browser.get('/api/v1/auth/session');
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ user: { kind: 'patient', patientId: patient.id } });

    expect((await browser.post('/api/v1/auth/logout')).status).toBe(204);
    const after = await browser.get('/api/v1/auth/session');
    expect(after.status).toBe(204);
    expect(after.body).toBeNull();
    const elsewhere = await browser.get(`/api/v1/patients/${patient.id}`);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
