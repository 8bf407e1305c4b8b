import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764230400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per email the portal sends: the job carries only this row's id, so no
    // address or content ever sits in the queue, and the row is the delivery state.
    // The content is cleared once sent: links in it may carry single-use tokens.
    await queryRunner.query(`
      CREATE TABLE mail_delivery (
        id uuid PRIMARY KEY,
        template text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text,
        html_body text,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    // Start-up re-queues what is still queued; health counts failures.
    await queryRunner.query(
      `CREATE INDEX mail_delivery_open_idx ON mail_delivery (status, created_at) WHERE status <> 'sent'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mail_delivery');
  }
}
