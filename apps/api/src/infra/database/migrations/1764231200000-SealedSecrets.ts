import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedSecrets1764231200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // An email's code or token is kept sealed beside its body, which holds a placeholder.
    await q.query(`ALTER TABLE mail_delivery ADD COLUMN secret_sealed text`);
    await q.query(`ALTER TABLE mail_delivery ADD COLUMN secret_expires_at timestamptz`);
    // Emailed codes are now keyed hashes: codes in flight under the old unkeyed hash would
    // only fail as "wrong", spending tries; end them so the person is told to ask again.
    await q.query(
      `UPDATE login_code SET expires_at = now()
        WHERE used_at IS NULL AND expires_at > now() AND code_hash ~ '^[0-9a-f]{64}$'`,
    );
    await q.query(
      `UPDATE registration_email_code SET expires_at = now()
        WHERE used_at IS NULL AND expires_at > now() AND code_hash ~ '^[0-9a-f]{64}$'`,
    );
    // Spent recovery codes are never read again: keep no hash of them.
    await q.query(
      `UPDATE recovery_code SET code_hash = 'spent'
        WHERE used_at IS NOT NULL AND code_hash ~ '^[0-9a-f]{64}$'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE mail_delivery DROP COLUMN secret_expires_at');
    await q.query('ALTER TABLE mail_delivery DROP COLUMN secret_sealed');
  }
}
