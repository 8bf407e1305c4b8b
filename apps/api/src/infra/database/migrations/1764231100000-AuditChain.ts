import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application's own database role, and a tamper-evident audit trail.
 *
 * - `portal_app` (NOLOGIN): the role every application statement runs as (the data source
 *   connects with `-c role=portal_app`; migrations run as the connecting user, who owns the
 *   tables). It may read and write the feature tables, but audit_event and audit_chain only
 *   read and insert into: the append-only rule is a grant, not only a trigger.
 * - audit_chain holds one link per audit row, in one unbroken line: position 1, 2, 3 ...,
 *   prev_hash, and hash = sha256(prev_hash || canonical encoding of the row). The links are
 *   written in batches by audit_chain_extend() (called about once a second by every API and
 *   worker process; one at a time, under an advisory lock), not in the INSERT of the row:
 *   a chain written in the INSERT must hold its lock until the COMMIT is on disk, which turns
 *   every audited request in every process into one queue behind one disk flush.
 * - A batch takes exactly the rows whose transactions have all ended since the last batch:
 *   those with txid in [previous horizon, xmin of its snapshot). Each row's txid and seq come
 *   from column defaults the application may not override (column-level INSERT grants).
 * - Rows written before this migration are chained here, oldest first.
 *
 * The encoding is mirrored in apps/api/src/modules/audit/audit-chain.ts (the verifier):
 * change both together, under a new version tag.
 */
export class AuditChain1764231100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Roles belong to the cluster, not the database: another database may have made it first.
    await q.query(`
      DO $$
      BEGIN
        CREATE ROLE portal_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // A non-superuser owner must be a member to connect with role=portal_app.
    await q.query(`
      DO $$
      BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, 'portal_app', 'MEMBER') THEN
          EXECUTE format('GRANT portal_app TO %I', current_user);
        END IF;
      END $$`);

    await q.query(`
      DO $$
      DECLARE schema_name text := current_schema();
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO portal_app', schema_name);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO portal_app', schema_name);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO portal_app', schema_name);
        -- Tables later migrations create get the same rights.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app', schema_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO portal_app', schema_name);
      END $$`);
    // Migrations are the owner's business, and the audit trail is insert-only.
    await q.query(`REVOKE ALL ON schema_migrations FROM portal_app`);
    await q.query(`REVOKE ALL ON audit_event FROM PUBLIC`);
    await q.query(`REVOKE ALL ON audit_event FROM portal_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO portal_app`);

    // Why a row was refused or failed (not_own_patient, role, not_found, ...) and the route
    // pattern it was asked on (never the URL itself: no query strings, no free text).
    await q.query(`ALTER TABLE audit_event ADD COLUMN reason text, ADD COLUMN route text`);
    // seq: the order rows are chained in within a batch. txid: the writing transaction, so a
    // batch knows when every row up to its horizon is settled. NULL for rows from before.
    await q.query(`CREATE SEQUENCE audit_event_seq AS bigint`);
    // Added, then given their defaults: the rows already there keep NULL (no rewrite).
    await q.query(`ALTER TABLE audit_event ADD COLUMN seq bigint UNIQUE, ADD COLUMN txid xid8`);
    await q.query(`ALTER TABLE audit_event
      ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq'),
      ALTER COLUMN txid SET DEFAULT pg_current_xact_id()`);
    await q.query(`ALTER SEQUENCE audit_event_seq OWNED BY audit_event.seq`);
    // nextval for the default, but no setval: the application cannot move rows in the order.
    await q.query(`REVOKE ALL ON SEQUENCE audit_event_seq FROM PUBLIC, portal_app`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_event_seq TO portal_app`);
    await q.query(`CREATE INDEX audit_event_txid_idx ON audit_event (txid)`);
    await q.query(`CREATE INDEX audit_event_outcome_idx ON audit_event (outcome, occurred_at DESC, id DESC)
      WHERE outcome <> 'success'`);
    // The application names every column but the two that place the row in the chain.
    await q.query(`REVOKE INSERT ON audit_event FROM portal_app`);
    await q.query(`GRANT INSERT (id, occurred_at, actor_account_id, actor_kind, actor_roles,
      patient_id, action, resource_type, resource_id, outcome, ip, user_agent, request_id,
      reason, route) ON audit_event TO portal_app`);

    await q.query(`
      CREATE TABLE audit_chain (
        position bigint PRIMARY KEY CHECK (position > 0),
        event_id uuid NOT NULL UNIQUE,
        prev_hash bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
        hash bytea NOT NULL CHECK (octet_length(hash) = 32),
        horizon xid8 NOT NULL
      )`);
    // Read-only for the application: links are written only by audit_chain_extend() below.
    await q.query(`REVOKE ALL ON audit_chain FROM PUBLIC, portal_app`);
    await q.query(`GRANT SELECT ON audit_chain TO portal_app`);
    await q.query(`
      CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON audit_chain
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);

    // The canonical encoding: a version tag, then each field as <characters>:<text>, or "-"
    // for NULL; the roles as their count followed by each role the same way.
    await q.query(`
      CREATE FUNCTION audit_field(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE WHEN value IS NULL THEN '-' ELSE length(value) || ':' || value END`);
    await q.query(`
      CREATE FUNCTION audit_event_digest(previous bytea, e audit_event) RETURNS bytea
      LANGUAGE sql STABLE PARALLEL SAFE
      RETURN sha256(previous || convert_to(
        'audit-v1'
        || audit_field(e.id::text)
        || audit_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_field(e.actor_account_id::text)
        || audit_field(e.actor_kind)
        || audit_field(cardinality(e.actor_roles)::text)
        || coalesce(array_to_string(ARRAY(SELECT audit_field(role) FROM unnest(e.actor_roles) role), ''), '')
        || audit_field(e.patient_id::text)
        || audit_field(e.action)
        || audit_field(e.resource_type)
        || audit_field(e.resource_id)
        || audit_field(e.outcome)
        || audit_field(e.reason)
        || audit_field(e.route)
        || audit_field(e.ip)
        || audit_field(e.user_agent)
        || audit_field(e.request_id),
        'UTF8'))`);

    // Links every settled, unlinked row; returns how many. Rows whose transaction may still
    // be running (txid at or past the snapshot's xmin) wait for the next call. It runs with
    // its owner's rights (the application may only call it), on a fixed search_path.
    const [{ schema }] = (await q.query(`SELECT current_schema() AS schema`)) as [
      { schema: string },
    ];
    const searchPath = `"${schema.replace(/"/g, '""')}", pg_temp`;
    await q.query(`
      CREATE FUNCTION audit_chain_extend() RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${searchPath} AS $$
      DECLARE
        head audit_chain;
        upto xid8;
        linked integer := 0;
        e audit_event;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(7310043) THEN
          RETURN 0; -- another process is extending the chain
        END IF;
        upto := pg_snapshot_xmin(pg_current_snapshot());
        SELECT * INTO head FROM audit_chain ORDER BY position DESC LIMIT 1;
        IF head.horizon >= upto THEN
          RETURN 0;
        END IF;
        FOR e IN
          SELECT * FROM audit_event
           WHERE txid < upto AND (head.horizon IS NULL OR txid >= head.horizon)
           ORDER BY txid, seq
        LOOP
          head.position := coalesce(head.position, 0) + 1;
          head.prev_hash := coalesce(head.hash, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
          head.hash := audit_event_digest(head.prev_hash, e);
          head.event_id := e.id;
          head.horizon := upto;
          INSERT INTO audit_chain VALUES (head.*);
          linked := linked + 1;
        END LOOP;
        RETURN linked;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION audit_chain_extend() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_chain_extend() TO portal_app`);

    // The rows already written, oldest first; later rows have txid from this xmin on.
    await q.query(`
      DO $$
      DECLARE
        upto xid8 := pg_snapshot_xmin(pg_current_snapshot());
        previous bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000';
        n bigint := 0;
        e audit_event;
      BEGIN
        FOR e IN SELECT * FROM audit_event ORDER BY occurred_at, id LOOP
          n := n + 1;
          INSERT INTO audit_chain VALUES (n, e.id, previous, audit_event_digest(previous, e), upto)
          RETURNING hash INTO previous;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_chain_extend');
    await q.query('DROP TABLE audit_chain');
    await q.query('DROP FUNCTION audit_event_digest');
    await q.query('DROP FUNCTION audit_field');
    await q.query('DROP INDEX audit_event_outcome_idx');
    await q.query(
      'ALTER TABLE audit_event DROP COLUMN seq, DROP COLUMN txid, DROP COLUMN reason, DROP COLUMN route',
    );
    await q.query(`
      DO $$
      DECLARE schema_name text := current_schema();
      BEGIN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM portal_app', schema_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM portal_app', schema_name);
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM portal_app', schema_name);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM portal_app', schema_name);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM portal_app', schema_name);
      END $$`);
    // The role stays: other databases in the cluster may use it.
  }
}
