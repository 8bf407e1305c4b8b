import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `('medical-question', 'appointment', 'prescription', 'billing', 'test-result', 'other')`;

export class Messaging1764232000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // A care-team pool: who reads a kind of message, for a department (and optionally one
    // location). Roles read departments (messaging/pool-access.ts).
    await q.query(`
      CREATE TABLE care_pool (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        department text NOT NULL CHECK (department IN ('clinical', 'appointments', 'billing')),
        location_id uuid REFERENCES location (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX care_pool_name_idx ON care_pool (lower(name))`);

    // Which pool reads each category, and the answer time promised to the patient.
    await q.query(`
      CREATE TABLE message_routing (
        category text PRIMARY KEY CHECK (category IN ${CATEGORIES}),
        pool_id uuid NOT NULL REFERENCES care_pool (id),
        answer_business_days integer NOT NULL CHECK (answer_business_days BETWEEN 1 AND 10),
        updated_by uuid REFERENCES account (id),
        updated_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        pool_id uuid NOT NULL REFERENCES care_pool (id),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
        about_type text CHECK (about_type IN ('appointment', 'result', 'medication')),
        about_id uuid,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        assigned_to uuid REFERENCES account (id),
        started_by uuid NOT NULL REFERENCES account (id),
        created_at timestamptz NOT NULL,
        -- Newest message of any kind (staff lists) and newest the patient sees (their list).
        last_activity_at timestamptz NOT NULL,
        last_visible_at timestamptz NOT NULL,
        last_patient_message_at timestamptz,
        last_staff_reply_at timestamptz,
        -- The patient's oldest message not answered yet, and the answer time promised for it.
        awaiting_since timestamptz,
        reply_due_at timestamptz,
        closed_at timestamptz,
        closed_by uuid REFERENCES account (id),
        CHECK ((about_type IS NULL) = (about_id IS NULL)),
        CHECK ((awaiting_since IS NULL) = (reply_due_at IS NULL))
      )`);
    // The patient's list, newest first.
    await q.query(
      `CREATE INDEX conversation_patient_idx ON conversation (patient_id, last_visible_at DESC, id DESC)`,
    );
    // Inbox views: by pool and status, by assignee and status; newest activity first.
    await q.query(
      `CREATE INDEX conversation_pool_idx ON conversation (pool_id, status, last_activity_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX conversation_assignee_idx ON conversation (assigned_to, status, last_activity_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversation (id),
        kind text NOT NULL CHECK (kind IN ('patient', 'staff', 'note')),
        author_account_id uuid NOT NULL REFERENCES account (id),
        client_message_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
        sent_at timestamptz NOT NULL,
        -- The "you have a new message" email of a staff reply, once it went out (once only).
        unread_email_id uuid REFERENCES mail_delivery (id)
      )`);
    // A retried send carries the same client id: it finds the first message instead.
    await q.query(
      `CREATE UNIQUE INDEX message_client_id_idx ON message (author_account_id, client_message_id)`,
    );
    await q.query(
      `CREATE INDEX message_conversation_idx ON message (conversation_id, sent_at DESC, id DESC)`,
    );

    // Who read a conversation up to when: the patient and each staff member (unread flags).
    await q.query(`
      CREATE TABLE conversation_read (
        conversation_id uuid NOT NULL REFERENCES conversation (id),
        account_id uuid NOT NULL REFERENCES account (id),
        read_at timestamptz NOT NULL,
        PRIMARY KEY (conversation_id, account_id)
      )`);

    // Files uploaded first (message_id null), then attached by the message that names them.
    await q.query(`
      CREATE TABLE message_attachment (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        uploaded_by uuid NOT NULL REFERENCES account (id),
        message_id uuid REFERENCES message (id),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/heic')),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
        storage_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX message_attachment_message_idx ON message_attachment (message_id)`);
    await q.query(
      `CREATE INDEX message_attachment_unsent_idx ON message_attachment (uploaded_by, created_at) WHERE message_id IS NULL`,
    );

    await q.query(`
      CREATE TABLE reply_template (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
        active boolean NOT NULL DEFAULT true,
        updated_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX reply_template_name_idx ON reply_template (lower(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'reply_template',
      'message_attachment',
      'conversation_read',
      'message',
      'conversation',
      'message_routing',
      'care_pool',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
