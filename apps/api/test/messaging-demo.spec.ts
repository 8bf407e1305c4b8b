import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DemoSeedService } from '../src/modules/demo/demo-seed.service.js';
import { newBrowser } from './support/invitation-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the demo clinic’s messages', () => {
  let testApp: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
    db = testApp.app.get(getDataSourceToken());
    await testApp.app.get(DemoSeedService).seed(); // idempotent: a second run adds nothing
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('gives every demo patient an answered and a waiting conversation, and the clinic its pools', async () => {
    const rows = (await db.query(
      `SELECT a.username,
              count(*) FILTER (WHERE c.last_staff_reply_at IS NOT NULL AND c.status = 'open')::int AS answered,
              count(*) FILTER (WHERE c.awaiting_since IS NOT NULL)::int AS waiting
         FROM account a JOIN conversation c ON c.patient_id = a.patient_id
        WHERE a.username IN ('alex.demo', 'jordan.demo', 'sam.demo')
          -- The seeded ones: browser tests sharing the database add conversations of their own.
          AND c.subject IN ('Blood pressure readings at home', 'Refill question',
                            'Statement from last month')
        GROUP BY a.username ORDER BY a.username`,
    )) as Body[];
    expect(rows).toEqual([
      { username: 'alex.demo', answered: 1, waiting: 1 },
      { username: 'jordan.demo', answered: 1, waiting: 1 },
      { username: 'sam.demo', answered: 1, waiting: 1 },
    ]);
    const nurse = newBrowser(testApp);
    expect((await nurse.login('nurse.demo', DEMO_PASSWORD)).status).toBe(200);
    const pools = await nurse.get('/api/v1/care-pools');
    expect(pools.body!.items.map((p: Body) => p.name)).toEqual(
      expect.arrayContaining(['Main Street nurses', 'Billing office', 'Appointment desk']),
    );
    const main = pools.body!.items.find((p: Body) => p.name === 'Main Street nurses');
    const inbox = await nurse.get(`/api/v1/inbox/conversations?view=open&poolId=${main.id}`);
    expect(inbox.body!.items.length).toBeGreaterThan(0);
    const templates = await nurse.get('/api/v1/reply-templates');
    expect(templates.body!.items.map((t: Body) => t.name)).toContain('Refill sent to pharmacy');
  });
});
