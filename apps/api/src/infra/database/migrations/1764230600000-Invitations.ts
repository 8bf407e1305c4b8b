import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Invitations1764230600000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Staff lists with no filter page through every patient by name; a row-value cursor on
    // (family, given, id) walks this index instead of sorting the whole table.
    await q.query(
      `CREATE INDEX patient_name_order_idx ON patient (lower(family_name), lower(given_name), id)`,
    );

    // The stored status is the lifecycle (pending → sent → accepted, or revoked); "expired"
    // is computed from expires_at. Only the SHA-256 of the current link's token is kept.
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        email text NOT NULL,
        token_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'accepted', 'revoked')),
        expires_at timestamptz NOT NULL,
        mail_delivery_id uuid NOT NULL,
        send_count integer NOT NULL DEFAULT 1,
        dob_failures integer NOT NULL DEFAULT 0,
        locked_at timestamptz,
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz,
        accepted_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES account (id),
        CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
      )`);
    // Registration finds the invitation by its link.
    await q.query(`CREATE UNIQUE INDEX invitation_token_key ON invitation (token_hash)`);
    // A patient's invitations (live-invitation check, list filtered by patient), newest first.
    await q.query(`CREATE INDEX invitation_patient_idx ON invitation (patient_id, id DESC)`);
    // The staff list filtered by status, newest first (ids are UUIDv7, so they sort by time).
    await q.query(`CREATE INDEX invitation_status_idx ON invitation (status, id DESC)`);

    // Tokens replaced by a resend, so an old link answers "use the newer email", not "unknown".
    await q.query(`
      CREATE TABLE invitation_replaced_token (
        token_hash text PRIMARY KEY,
        invitation_id uuid NOT NULL REFERENCES invitation (id),
        replaced_at timestamptz NOT NULL
      )`);

    // One emailed code per invitation link at a time; a new request replaces it.
    await q.query(`
      CREATE TABLE registration_email_code (
        token_hash text PRIMARY KEY,
        invitation_id uuid NOT NULL REFERENCES invitation (id),
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz,
        sends integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);

    // Proof of a passed identity check, spent by completing registration. Found by its hash
    // only; it stays valid only while the link it came from is the invitation's current one.
    await q.query(`
      CREATE TABLE registration_ticket (
        ticket_hash text PRIMARY KEY,
        invitation_id uuid NOT NULL REFERENCES invitation (id),
        token_hash text NOT NULL,
        method text NOT NULL CHECK (method IN ('date-of-birth', 'email-code')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registration_ticket');
    await q.query('DROP TABLE registration_email_code');
    await q.query('DROP TABLE invitation_replaced_token');
    await q.query('DROP TABLE invitation');
    await q.query('DROP INDEX patient_name_order_idx');
  }
}
