import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApiDocument } from '../src/create-app.js';
import { createPatientAccount, TEST_PASSWORD } from './support/accounts.js';
import { BrowserClient } from './support/browser-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The routes anyone may call without signing in. Adding a public route means adding it here,
 * on purpose; every other route must answer 401 to a caller without a session.
 */
const PUBLIC_OPERATIONS = new Set([
  // Answers 204 when signed out (test/session-check.spec.ts): being signed out is its answer.
  'getSession',
  'getLiveness',
  'getReadiness',
  'getClinicIdentity',
  'getClinicLogo',
  'login',
  'verifySecondFactor',
  'resendLoginCode',
  'requestPasswordReset',
  'completePasswordReset',
  'remindUsername',
  'unlockSignIn',
  'checkRegistrationInvitation',
  'verifyRegistrationIdentity',
  'sendRegistrationEmailCode',
  'completeRegistration',
]);

interface Route {
  method: string;
  path: string;
  operationId: string;
}

describe('access control over every route', () => {
  let testApp: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    testApp = await startTestApp();
    const document = buildOpenApiDocument(testApp.app);
    routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId: string }>).map(
        ([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId,
        }),
      ),
    );
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const fill = (path: string, patientId: string) =>
    path
      .replace('{patientId}', patientId)
      .replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-000000000000');

  it('documents every route with an operationId', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(route.operationId).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it('answers 401 to every non-public route without a session', async () => {
    const anonymous = new BrowserClient(testApp, '10.250.0.1');
    const open: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC_OPERATIONS.has(r.operationId))) {
      const response = await anonymous.request(
        route.method,
        fill(route.path, '01900000-0000-7000-8000-0000000000aa'),
        route.method === 'GET' ? undefined : {},
      );
      if (response.status !== 401) open.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(open).toEqual([]);
  });

  it("never lets patient B reach patient A's data: 404 on patient routes, never a 2xx anywhere", async () => {
    const a = await createPatientAccount(testApp);
    const b = await createPatientAccount(testApp);
    const patientB = new BrowserClient(testApp, '10.250.0.2');
    expect((await patientB.login(b.username, TEST_PASSWORD)).status).toBe(200);
    const leaks: string[] = [];
    const patientRoutes = routes.filter((r) => r.path.includes('{patientId}'));
    for (const route of patientRoutes) {
      const response = await patientB.request(
        route.method,
        fill(route.path, a.patient.id),
        route.method === 'GET' ? undefined : {},
      );
      if (response.status !== 404) leaks.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(leaks).toEqual([]);
    // Staff-only routes about other records refuse a patient outright.
    for (const route of routes.filter(
      (r) => !r.path.includes('{patientId}') && /\{\w+Id\}/.test(r.path),
    )) {
      if (route.path.startsWith('/api/v1/account/')) continue; // the caller's own sessions
      const response = await patientB.request(
        route.method,
        fill(route.path, a.patient.id),
        route.method === 'GET' ? undefined : {},
      );
      if (response.status < 400) leaks.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(leaks).toEqual([]);
  });
});
