/**
 * Messaging at scale, inserted with set-based SQL: a care-team pool with 10,000 open
 * conversations (200 patients × 50, one message each, half unread by the nurse), a nurse with
 * a session, and the bench patient with 500 conversations of 50 messages each in another pool.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

export const LARGE_INBOX = { open: 10_000, patientConversations: 500, messagesEach: 50 };

export async function seedLargeInbox(databaseUrl, benchPatientId, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const token = randomBytes(32).toString('base64url');
  try {
    await client.query('BEGIN');
    const suffix = randomBytes(4).toString('hex');
    const [pool] = (
      await client.query(
        `INSERT INTO care_pool (id, name, department, active, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'clinical', true, now(), now()) RETURNING id`,
        [`Bench nurses ${suffix}`],
      )
    ).rows;
    const [other] = (
      await client.query(
        `INSERT INTO care_pool (id, name, department, active, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'billing', true, now(), now()) RETURNING id`,
        [`Bench billing ${suffix}`],
      )
    ).rows;
    const [nurse] = (
      await client.query(
        `INSERT INTO account (id, kind, username, display_name, email, roles, password_hash)
         VALUES (gen_random_uuid(), 'staff', $1, 'Bench Nurse', 'nurse@example.test', '{nurse}', 'x')
         RETURNING id`,
        [`bench-nurse-${suffix}`],
      )
    ).rows;
    await client.query(
      `INSERT INTO session (id_hash, account_id, stage, created_at, last_seen_at, absolute_expires_at)
       VALUES ($1, $2, 'active', now(), now(), now() + interval '12 hours')`,
      [createHash('sha256').update(token).digest(), nurse.id],
    );
    const patients = (
      await client.query(
        `INSERT INTO patient (id, mrn, given_name, family_name, date_of_birth, sex, created_at, updated_at)
         SELECT gen_random_uuid(), 'BI' || $1 || n, 'Inbox', 'Patient ' || n, '1970-01-01', 'unknown', now(), now()
           FROM generate_series(1, 200) AS n RETURNING id`,
        [suffix],
      )
    ).rows.map((row) => row.id);
    const [patientAccount] = (
      await client.query(`SELECT id FROM account WHERE patient_id = $1`, [benchPatientId])
    ).rows;
    // 10,000 open conversations in the pool, one patient message each.
    await client.query(
      `WITH made AS (
         INSERT INTO conversation (id, patient_id, pool_id, category, subject, status, started_by,
           created_at, last_activity_at, last_visible_at, last_patient_message_at, awaiting_since, reply_due_at)
         SELECT gen_random_uuid(), ($1::uuid[])[1 + n % 200], $2, 'medical-question', 'Question ' || n,
                'open', $3, t, t, t, t, t, t + interval '2 days'
           FROM generate_series(1, $4) AS n, LATERAL (SELECT now() - make_interval(mins => n)) AS x(t)
         RETURNING id, started_by, created_at)
       INSERT INTO message (id, conversation_id, kind, author_account_id, client_message_id, body, sent_at)
       SELECT gen_random_uuid(), id, 'patient', started_by, gen_random_uuid(), 'A question from the bench.', created_at
         FROM made`,
      [patients, pool.id, patientAccount.id, LARGE_INBOX.open],
    );
    await client.query(
      `INSERT INTO conversation_read (conversation_id, account_id, read_at)
       SELECT id, $2, now() FROM conversation WHERE pool_id = $1 AND random() < 0.5`,
      [pool.id, nurse.id],
    );
    // The bench patient: 500 conversations of 50 messages.
    await client.query(
      `WITH made AS (
         INSERT INTO conversation (id, patient_id, pool_id, category, subject, status, started_by,
           created_at, last_activity_at, last_visible_at, last_patient_message_at, last_staff_reply_at)
         SELECT gen_random_uuid(), $1, $2, 'billing', 'Bench conversation ' || n, 'open', $3,
                now() - make_interval(days => n), now() - make_interval(days => n),
                now() - make_interval(days => n), now() - make_interval(days => n),
                now() - make_interval(days => n)
           FROM generate_series(1, $4) AS n
         RETURNING id, created_at)
       INSERT INTO message (id, conversation_id, kind, author_account_id, client_message_id, body, sent_at)
       SELECT gen_random_uuid(), made.id, CASE WHEN m % 2 = 0 THEN 'staff' ELSE 'patient' END,
              CASE WHEN m % 2 = 0 THEN $5::uuid ELSE $3::uuid END, gen_random_uuid(),
              'Message ' || m || ' of a long conversation, with a sentence or two of text in it.',
              made.created_at - make_interval(mins => m)
         FROM made, generate_series(1, $6) AS m`,
      [
        benchPatientId,
        other.id,
        patientAccount.id,
        LARGE_INBOX.patientConversations,
        nurse.id,
        LARGE_INBOX.messagesEach,
      ],
    );
    const [newest] = (
      await client.query(
        `SELECT id FROM conversation WHERE patient_id = $1 ORDER BY last_visible_at DESC LIMIT 1`,
        [benchPatientId],
      )
    ).rows;
    await client.query('COMMIT');
    await client.query('ANALYZE conversation; ANALYZE message; ANALYZE conversation_read');
    log?.(`seeded the large inbox in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      poolId: pool.id,
      nurseCookie: `portal_session=${token}`,
      conversationId: newest.id,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
