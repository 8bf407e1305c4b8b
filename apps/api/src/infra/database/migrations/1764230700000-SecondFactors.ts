import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactors1764230700000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Emailed 6-digit codes: for the second step of a sign-in (tied to the waiting session).
    await q.query(`
      CREATE TABLE login_code (
        id uuid PRIMARY KEY,
        session_id_hash bytea NOT NULL REFERENCES session (id_hash),
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX login_code_session_idx ON login_code (session_id_hash, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE recovery_code (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id),
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX recovery_code_account_idx ON recovery_code (account_id) WHERE used_at IS NULL`,
    );

    // Single-use emailed links: password reset and sign-in unlock.
    await q.query(`
      CREATE TABLE account_token (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id),
        purpose text NOT NULL CHECK (purpose IN ('password-reset', 'unlock')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX account_token_account_idx ON account_token (account_id, purpose)`);

    // A TOTP secret waiting for its first code before it replaces the account's factor.
    await q.query(`ALTER TABLE account ADD COLUMN pending_totp_secret text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE account DROP COLUMN pending_totp_secret');
    await q.query('DROP TABLE account_token');
    await q.query('DROP TABLE recovery_code');
    await q.query('DROP TABLE login_code');
  }
}
