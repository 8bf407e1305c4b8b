/**
 * Messaging journeys need the demo clinic's routing: the integration tests that share the
 * database route categories to pools of their own, so a journey sets the categories it uses
 * back to the demo pool (as an administrator would in clinic settings) before it starts.
 */
import { DEMO_PASSWORD, StaffApiSession } from './records.js';

const ADMIN = {
  username: 'admin.demo',
  password: DEMO_PASSWORD,
  email: 'admin.demo@portal.localhost',
};

/** The demo pool the demo nurse reads (she works at Main Street). */
export const DEMO_NURSE_POOL = 'Main Street nurses';

interface CarePool {
  id: string;
  name: string;
  active: boolean;
}

/** Routes each category to the demo nurses' pool with its answer time in business days. */
export async function routeToDemoNurses(answerDays: Record<string, number>): Promise<void> {
  const admin = await StaffApiSession.signIn(ADMIN);
  try {
    const pools = await admin.send<{ items: CarePool[] }>('GET', '/api/v1/care-pools');
    const pool = pools.items.find((item) => item.name === DEMO_NURSE_POOL);
    if (!pool) throw new Error(`The demo pool "${DEMO_NURSE_POOL}" is missing.`);
    if (!pool.active) {
      await admin.send('PATCH', `/api/v1/care-pools/${pool.id}`, { active: true });
    }
    for (const [category, days] of Object.entries(answerDays)) {
      await admin.send('PUT', `/api/v1/message-routing/${category}`, {
        poolId: pool.id,
        answerWithinBusinessDays: days,
      });
    }
  } finally {
    await admin.dispose();
  }
}
