import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountEmail1764230800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Forgotten username and password look accounts up by email, case-insensitively.
    await q.query(`CREATE INDEX account_email_idx ON account (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX account_email_idx');
  }
}
