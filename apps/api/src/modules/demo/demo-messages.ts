import type { EntityManager } from 'typeorm';
import { newId } from '../../infra/database/ids.js';
import { addBusinessDays } from '../messaging/messaging.service.js';
import { DEMO_LAKESIDE, DEMO_MAIN_STREET, type DemoPeople } from './demo-schedule.js';

const HOUR = 3_600_000;

const POOLS = [
  { key: 'main', name: 'Main Street nurses', department: 'clinical', location: DEMO_MAIN_STREET },
  { key: 'lakeside', name: 'Lakeside nurses', department: 'clinical', location: DEMO_LAKESIDE },
  { key: 'desk', name: 'Appointment desk', department: 'appointments', location: null },
  { key: 'billing', name: 'Billing office', department: 'billing', location: null },
] as const;
type PoolKey = (typeof POOLS)[number]['key'];

const ROUTING: [category: string, pool: PoolKey, days: number][] = [
  ['medical-question', 'main', 2],
  ['prescription', 'main', 1],
  ['test-result', 'main', 2],
  ['other', 'main', 3],
  ['appointment', 'desk', 1],
  ['billing', 'billing', 3],
];

const TEMPLATES = [
  {
    name: 'Thanks, we are looking into it',
    body: 'Hello {{patientFirstName}},\n\nThank you for your message. I am looking into it and will write again soon.\n\n{{staffName}}\n{{clinicName}}',
  },
  {
    name: 'Refill sent to pharmacy',
    body: 'Hello {{patientFirstName}},\n\nYour refill has been sent to your pharmacy. It is usually ready within a day.\n\n{{staffName}}, {{poolName}}',
  },
  {
    name: 'Please book a visit',
    body: 'Hello {{patientFirstName}},\n\nThis is best looked at in person. Please book a visit in the portal or call us.\n\n{{staffName}}',
  },
];

/** Each demo patient's conversations: one a nurse answered, one still waiting (and a closed one). */
const CONVERSATIONS = [
  {
    category: 'medical-question',
    subject: 'Blood pressure readings at home',
    hoursAgo: 50,
    messages: [
      {
        from: 'patient',
        hoursAgo: 50,
        body: 'My home readings have been around 140/90 this week. Should I be worried?',
      },
      {
        from: 'note',
        hoursAgo: 30,
        body: 'Checked the log from the last visit; readings were similar. Reply with advice.',
      },
      {
        from: 'nurse',
        hoursAgo: 28,
        body: 'Thank you for keeping a log. Please keep taking your medicine and measure twice a day for another week, then send us the numbers. Call us if you have a headache or chest pain.',
      },
    ],
    read: true,
    closed: false,
  },
  {
    category: 'prescription',
    subject: 'Refill question',
    hoursAgo: 3,
    messages: [
      {
        from: 'patient',
        hoursAgo: 3,
        body: 'I have five tablets left. Can the refill go to the pharmacy on Main Street?',
      },
    ],
    read: false,
    closed: false,
  },
  {
    category: 'billing',
    subject: 'Statement from last month',
    hoursAgo: 24 * 20,
    messages: [
      {
        from: 'patient',
        hoursAgo: 24 * 20,
        body: 'I think I was charged twice for my last visit.',
      },
      {
        from: 'billing',
        hoursAgo: 24 * 19,
        body: 'You are right, the second charge was an error and has been removed. Sorry for the trouble.',
      },
    ],
    read: true,
    closed: true,
  },
] as const;

export async function demoMessagesExist(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM care_pool WHERE lower(name) = lower($1)`,
    [POOLS[0].name],
  );
  return rows.length > 0;
}

/**
 * The demo clinic's care-team pools, the routing of each category and a few reply templates,
 * and each demo patient's conversations with them. Dates are relative to `now`. False (and
 * nothing written) when the demo pools already exist or the demo clinic does not.
 */
export async function seedDemoMessages(
  manager: EntityManager,
  people: DemoPeople,
  now: Date,
): Promise<boolean> {
  if (await demoMessagesExist(manager)) return false;
  const locations = (await manager.query(`SELECT id, name FROM location WHERE name = ANY($1)`, [
    [DEMO_MAIN_STREET, DEMO_LAKESIDE],
  ])) as { id: string; name: string }[];
  const nurse = people.staffAccountIds.get('nurse.demo');
  const billing = people.staffAccountIds.get('billing.demo');
  const admin = people.staffAccountIds.get('admin.demo');
  if (locations.length < 2 || !nurse || !billing) return false;

  const poolIds = {} as Record<PoolKey, string>;
  for (const pool of POOLS) {
    poolIds[pool.key] = newId();
    await manager.query(
      `INSERT INTO care_pool (id, name, department, location_id, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, true, $5, $5)`,
      [
        poolIds[pool.key],
        pool.name,
        pool.department,
        pool.location ? locations.find((l) => l.name === pool.location)!.id : null,
        now,
      ],
    );
  }
  for (const [category, pool, days] of ROUTING) {
    await manager.query(
      `INSERT INTO message_routing (category, pool_id, answer_business_days, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (category) DO NOTHING`,
      [category, poolIds[pool], days, admin ?? null, now],
    );
  }
  for (const template of TEMPLATES) {
    await manager.query(
      `INSERT INTO reply_template (id, name, body, active, updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, true, $4, $5, $5)`,
      [newId(), template.name, template.body, admin ?? null, now],
    );
  }

  for (const patientId of people.patientIds.values()) {
    const [account] = (await manager.query(`SELECT id FROM account WHERE patient_id = $1`, [
      patientId,
    ])) as { id: string }[];
    if (!account) continue;
    for (const plan of CONVERSATIONS) {
      const pool = ROUTING.find(([category]) => category === plan.category)![1];
      const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
      const conversationId = newId();
      const last = plan.messages[plan.messages.length - 1]!;
      const visible = [...plan.messages].reverse().find((m) => m.from !== 'note')!;
      const lastPatient = [...plan.messages].reverse().find((m) => m.from === 'patient')!;
      const lastStaff = [...plan.messages]
        .reverse()
        .find((m) => m.from === 'nurse' || m.from === 'billing');
      const waiting = last.from === 'patient' && !plan.closed;
      const days = ROUTING.find(([category]) => category === plan.category)![2];
      await manager.query(
        `INSERT INTO conversation (id, patient_id, pool_id, category, subject, status, assigned_to,
           started_by, created_at, last_activity_at, last_visible_at, last_patient_message_at,
           last_staff_reply_at, awaiting_since, reply_due_at, closed_at, closed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          conversationId,
          patientId,
          poolIds[pool],
          plan.category,
          plan.subject,
          plan.closed ? 'closed' : 'open',
          lastStaff ? (lastStaff.from === 'billing' ? billing : nurse) : null,
          account.id,
          at(plan.hoursAgo),
          at(last.hoursAgo),
          at(visible.hoursAgo),
          at(lastPatient.hoursAgo),
          lastStaff ? at(lastStaff.hoursAgo) : null,
          waiting ? at(lastPatient.hoursAgo) : null,
          waiting ? addBusinessDays(at(lastPatient.hoursAgo), days) : null,
          plan.closed ? at(last.hoursAgo - 1) : null,
          plan.closed ? billing : null,
        ],
      );
      for (const message of plan.messages) {
        const author =
          message.from === 'patient' ? account.id : message.from === 'billing' ? billing : nurse;
        await manager.query(
          `INSERT INTO message (id, conversation_id, kind, author_account_id, client_message_id, body, sent_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            newId(),
            conversationId,
            message.from === 'patient' ? 'patient' : message.from === 'note' ? 'note' : 'staff',
            author,
            newId(),
            message.body,
            at(message.hoursAgo),
          ],
        );
      }
      // The patient read what they were sent; the answering staff read the conversation.
      const readers: [string, Date][] = [
        [account.id, at(plan.read ? last.hoursAgo - 1 : lastPatient.hoursAgo)],
      ];
      if (lastStaff)
        readers.push([lastStaff.from === 'billing' ? billing : nurse, at(lastStaff.hoursAgo)]);
      for (const [reader, readAt] of readers) {
        await manager.query(
          `INSERT INTO conversation_read (conversation_id, account_id, read_at) VALUES ($1, $2, $3)`,
          [conversationId, reader, readAt],
        );
      }
    }
  }
  return true;
}
