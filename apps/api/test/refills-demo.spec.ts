import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD, DemoSeedService } from '../src/modules/demo/demo-seed.service.js';
import { newBrowser } from './support/invitation-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the demo clinic’s prescription refills', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    await testApp.app.get(DemoSeedService).seed();
    await testApp.app.get(DemoSeedService).seed(); // idempotent: a second run adds nothing
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('gives each demo patient a preferred pharmacy, a refill in review and one approved and sent', async () => {
    for (const username of ['alex.demo', 'jordan.demo']) {
      const patient = newBrowser(testApp);
      const login = await patient.login(username, DEMO_PASSWORD);
      expect(login.status).toBe(200);
      const session = await patient.get('/api/v1/auth/session');
      const patientId = session.body!.user.patientId as string;
      const preferred = await patient.get(`/api/v1/patients/${patientId}/preferred-pharmacy`);
      expect(preferred.body!.pharmacy).toMatchObject({ ncpdpId: expect.stringMatching(/^14900/) });
      const list = await patient.get(`/api/v1/patients/${patientId}/refill-requests`);
      expect(list.status).toBe(200);
      expect(
        list.body!.items.map((item: Body) => [item.status, item.sendStatus, item.history.length]),
      ).toEqual([
        ['in_review', null, 2],
        ['approved', 'sent', 3],
      ]);
      const directory = await patient.get(`/api/v1/patients/${patientId}/pharmacies?q=Chatham`);
      expect(directory.body!.items.map((item: Body) => item.ncpdpId)).toContain('1490003');
    }
    const nurse = newBrowser(testApp);
    expect((await nurse.login('nurse.demo', DEMO_PASSWORD)).status).toBe(200);
    const queue = await nurse.get('/api/v1/refill-queue?status=in_review&limit=100');
    const demo = queue.body!.items.filter((item: Body) =>
      item.pharmacy.ncpdpId.startsWith('14900'),
    );
    expect(demo.length).toBeGreaterThanOrEqual(3);
  });
});
