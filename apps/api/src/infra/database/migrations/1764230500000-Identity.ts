import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764230500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE patient_mrn_seq START 100001`);
    await q.query(`
      CREATE TABLE patient (
        id uuid PRIMARY KEY,
        mrn text NOT NULL UNIQUE,
        given_name text NOT NULL,
        family_name text NOT NULL,
        preferred_name text,
        date_of_birth date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        email text,
        mobile_phone text,
        address jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Staff search: name prefix (case-insensitive) and date of birth.
    await q.query(
      `CREATE INDEX patient_family_name_idx ON patient (lower(family_name) text_pattern_ops, lower(given_name))`,
    );
    await q.query(
      `CREATE INDEX patient_given_name_idx ON patient (lower(given_name) text_pattern_ops)`,
    );
    await q.query(`CREATE INDEX patient_dob_idx ON patient (date_of_birth)`);
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('patient', 'staff')),
        username text NOT NULL,
        display_name text NOT NULL,
        email text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        patient_id uuid REFERENCES patient (id),
        password_hash text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        second_factor text NOT NULL DEFAULT 'none' CHECK (second_factor IN ('none', 'email', 'totp')),
        totp_secret text,
        totp_last_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'patient') = (patient_id IS NOT NULL))
      )`);
    // Usernames are unique whatever their case; sign-in looks them up the same way.
    await q.query(`CREATE UNIQUE INDEX account_username_key ON account (lower(username))`);
    await q.query(
      `CREATE UNIQUE INDEX account_patient_key ON account (patient_id) WHERE patient_id IS NOT NULL`,
    );

    // The cookie holds a random id; only its SHA-256 is stored, so a copy of this table
    // cannot be replayed as sessions.
    await q.query(`
      CREATE TABLE session (
        id_hash bytea PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id),
        stage text NOT NULL CHECK (stage IN ('second_factor', 'active')),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        ip text,
        user_agent text,
        ended_at timestamptz,
        end_reason text
      )`);
    await q.query(
      `CREATE INDEX session_account_open_idx ON session (account_id) WHERE ended_at IS NULL`,
    );

    // Failures per key in the current window: "user:<typed username>", "ip:<address>",
    // "2fa:<account id>", "code:<waiting session>", and email requests ("reset:…", "reminder:…").
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);

    // Append-only: the trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks.
    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_account_id uuid,
        actor_kind text,
        actor_roles text[] NOT NULL DEFAULT '{}',
        patient_id uuid,
        action text NOT NULL,
        resource_type text,
        resource_id text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        ip text,
        user_agent text,
        request_id text
      )`);
    await q.query(
      `CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, occurred_at DESC, id DESC) WHERE patient_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX audit_event_actor_idx ON audit_event (actor_account_id, occurred_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
    await q.query('DROP FUNCTION audit_event_is_append_only');
    await q.query('DROP TABLE login_throttle');
    await q.query('DROP TABLE session');
    await q.query('DROP TABLE account');
    await q.query('DROP TABLE patient');
    await q.query('DROP SEQUENCE patient_mrn_seq');
  }
}
