import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
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
      // Every request of theirs: browser tests sharing the database add (and decide or
      // cancel) requests of their own, so the seeded two are told by their history.
      const all: Body[] = [];
      let cursor: string | null = null;
      do {
        const page = await patient.get(
          `/api/v1/patients/${patientId}/refill-requests?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        all.push(...page.body!.items);
        cursor = page.body!.nextCursor;
      } while (cursor);
      const moves = (item: Body) => item.history.map((entry: Body) => entry.toStatus);
      const reviewed = all.filter(
        (item) =>
          item.note === 'I have about a week of tablets left.' &&
          moves(item).slice(0, 2).join() === 'requested,in_review',
      );
      expect(reviewed).toHaveLength(1);
      const sent = all.filter(
        (item) =>
          item.status === 'approved' &&
          item.approvedQuantity === 60 &&
          item.sendStatus === 'sent' &&
          item.history.some((entry: Body) => entry.event === 'sent'),
      );
      expect(sent).toHaveLength(1);
      const directory = await patient.get(`/api/v1/patients/${patientId}/pharmacies?q=Chatham`);
      expect(directory.body!.items.map((item: Body) => item.ncpdpId)).toContain('1490003');
    }
    const nurse = newBrowser(testApp);
    expect((await nurse.login('nurse.demo', DEMO_PASSWORD)).status).toBe(200);
    // sam.demo's seeded request is never touched by the browser tests: it waits in review.
    const queue = await nurse.get('/api/v1/refill-queue?status=in_review&limit=100');
    expect(queue.status).toBe(200);
    const sams = (
      await testApp.app.get(getDataSourceToken()).query(
        `SELECT r.id FROM refill_request r JOIN account a ON a.patient_id = r.patient_id
            WHERE a.username = 'sam.demo' AND r.status = 'in_review'`,
      )
    ).map((row: Body) => row.id);
    expect(sams).toHaveLength(1);
    let found = queue.body!.items.some((item: Body) => item.id === sams[0]);
    let next: string | null = queue.body!.nextCursor;
    while (!found && next) {
      const more = await nurse.get(
        `/api/v1/refill-queue?status=in_review&limit=100&cursor=${next}`,
      );
      found = more.body!.items.some((item: Body) => item.id === sams[0]);
      next = more.body!.nextCursor;
    }
    expect(found).toBe(true);
  });
});
