import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { newId } from '../database/ids.js';
import { QueueService } from '../queue/queue.service.js';
import { MailDelivery, type MailStatus } from './mail-delivery.entity.js';

/** Unsent emails queued again per round trip at start. */
const REQUEUE_BATCH = 1000;

export interface MailRequest {
  template: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
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

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.requeueUnsent();
    if (count) this.logger.log({ count }, 'queued emails that were not yet sent');
  }
}
