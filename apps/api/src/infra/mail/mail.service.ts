import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ServerKeys } from '../../common/server-keys.js';
import { newId } from '../database/ids.js';
import { QueueService } from '../queue/queue.service.js';
import { MailDelivery, type MailStatus } from './mail-delivery.entity.js';

/** Unsent emails queued again per round trip at start. */
const REQUEUE_BATCH = 1000;
/** Rows read per round trip when sealing secrets again under a new key. */
const RESEAL_BATCH = 500;
/** Purpose of the server subkey that seals the secrets of queued emails. */
export const MAIL_SECRET_PURPOSE = 'mail-secret';

/** A code or token that an email carries: kept sealed until sending, and not past expiresAt. */
export interface MailSecret {
  value: string;
  expiresAt: Date;
}

export interface MailRequest {
  template: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The secret that MAIL_SECRET stands for in text and html (compose.ts). */
  secret?: MailSecret;
}

/**
 * Sends email through the `mail` queue. The row is written first (optionally inside the
 * caller's transaction), then the job, whose id is the row id: a crash between the two is
 * healed at start-up by requeueUnsent(), and a second add with the same id is ignored.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap {
  private readonly logger = new Logger('mail');

  constructor(
    @InjectRepository(MailDelivery) private readonly deliveries: Repository<MailDelivery>,
    private readonly queue: QueueService,
    private readonly keys: ServerKeys,
    private readonly clock: Clock,
  ) {}

  /** Records the email; call dispatch() with the id after the surrounding transaction commits. */
  async record(request: MailRequest, manager?: EntityManager): Promise<string> {
    const [id] = await this.recordMany([request], manager);
    return id!;
  }

  /** Records several emails in one INSERT; their ids, in the order given. */
  async recordMany(requests: MailRequest[], manager?: EntityManager): Promise<string[]> {
    if (!requests.length) return [];
    const repository = manager ? manager.getRepository(MailDelivery) : this.deliveries;
    const now = new Date();
    const rows = requests.map((request) => ({
      id: newId(),
      template: request.template,
      recipient: request.to,
      subject: request.subject,
      textBody: request.text,
      htmlBody: request.html ?? null,
      secretSealed: request.secret
        ? this.keys.encrypt(MAIL_SECRET_PURPOSE, request.secret.value)
        : null,
      secretExpiresAt: request.secret?.expiresAt ?? null,
      status: 'queued' as const,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    }));
    await repository.insert(rows);
    return rows.map((row) => row.id);
  }

  async dispatch(deliveryId: string): Promise<void> {
    await this.queue.enqueue('mail.send', { deliveryId }, { jobId: deliveryId });
  }

  /** Queues several recorded emails in one round trip; ids already queued keep their place. */
  async dispatchMany(deliveryIds: string[]): Promise<void> {
    await this.queue.enqueueMany(
      'mail.send',
      deliveryIds.map((deliveryId) => ({
        payload: { deliveryId },
        options: { jobId: deliveryId },
      })),
    );
  }

  /** Record and dispatch in one call, for callers with no transaction of their own. */
  async send(request: MailRequest): Promise<string> {
    const id = await this.record(request);
    await this.dispatch(id);
    return id;
  }

  async statusOf(
    ids: string[],
  ): Promise<Map<string, Pick<MailDelivery, 'status' | 'attempts' | 'lastError' | 'sentAt'>>> {
    if (!ids.length) return new Map();
    const rows = await this.deliveries.find({
      where: { id: In(ids) },
      select: { id: true, status: true, attempts: true, lastError: true, sentAt: true },
    });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async countByStatus(): Promise<Record<MailStatus, number>> {
    const rows: { status: MailStatus; count: string }[] = await this.deliveries.query(
      `SELECT status, count(*) AS count FROM mail_delivery WHERE status <> 'sent' GROUP BY status`,
    );
    const counts: Record<MailStatus, number> = { queued: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /**
   * Queues again every email still marked queued (a lost queue, or a crash after commit), a
   * batch of ids per round trip: a backlog of thousands must not hold up the start for
   * minutes, nor be read into memory at once. Jobs already in the queue keep their place.
   */
  async requeueUnsent(batchSize = REQUEUE_BATCH): Promise<number> {
    await this.expireSecrets();
    let count = 0;
    let after: { created_at: Date; id: string } | null = null;
    for (;;) {
      // Walks mail_delivery_open_idx (unsent rows only), not the whole history of sent mail.
      const rows: { created_at: Date; id: string }[] = await this.deliveries.query(
        `SELECT created_at, id FROM mail_delivery
          WHERE status = 'queued' AND ($1::timestamptz IS NULL OR (created_at, id) > ($1, $2::uuid))
          ORDER BY created_at, id LIMIT $3`,
        [after?.created_at ?? null, after?.id ?? null, batchSize],
      );
      if (!rows.length) return count;
      await this.dispatchMany(rows.map((row) => row.id));
      count += rows.length;
      after = rows[rows.length - 1]!;
    }
  }

  /**
   * Unsent emails whose code or link has expired are never sent: their sealed secret and
   * bodies are erased and they count as failed. The worker does the same for each message
   * it picks up; this catches those it never will.
   */
  async expireSecrets(): Promise<number> {
    const [, affected]: [unknown, number] = await this.deliveries.query(
      `UPDATE mail_delivery
          SET status = 'failed', secret_sealed = NULL, text_body = NULL, html_body = NULL,
              last_error = 'expired before it was sent', updated_at = $1
        WHERE status = 'queued' AND secret_expires_at <= $1`,
      [this.clock.now()],
    );
    return affected ?? 0;
  }

  /** Seals the secrets of unsent emails again under the current server key (key rotation). */
  async resealSecrets(): Promise<{ resealed: number; unreadable: number }> {
    const count = { resealed: 0, unreadable: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; secret_sealed: string }[] = await this.deliveries.query(
        `SELECT id, secret_sealed FROM mail_delivery
          WHERE secret_sealed IS NOT NULL AND split_part(secret_sealed, '.', 2) <> $1
            AND id > $2 ORDER BY id LIMIT $3`,
        [this.keys.currentKeyId, after, RESEAL_BATCH],
      );
      if (!rows.length) return count;
      for (const row of rows) {
        const secret = this.keys.decrypt(MAIL_SECRET_PURPOSE, row.secret_sealed);
        if (secret === null) {
          count.unreadable++;
          continue;
        }
        await this.deliveries.query(
          `UPDATE mail_delivery SET secret_sealed = $3 WHERE id = $1 AND secret_sealed = $2`,
          [row.id, row.secret_sealed, this.keys.encrypt(MAIL_SECRET_PURPOSE, secret)],
        );
        count.resealed++;
      }
      after = rows[rows.length - 1]!.id;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.requeueUnsent();
    if (count) this.logger.log({ count }, 'queued emails that were not yet sent');
  }
}
