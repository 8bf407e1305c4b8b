import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { HandlesJob, type JobHandler } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import { StartUpReconciler } from '../../infra/queue/start-up-reconciler.js';
import { AttachmentStorage } from './attachment-storage.js';
import { MessagingRepository } from './messaging.repository.js';

const RECONCILE_BATCH = 500;

export function sweepUploadJobId(attachmentId: string): string {
  return `sweep-upload-${attachmentId}`;
}

/**
 * Files are uploaded before the message that sends them; one never sent (the patient left the
 * page) must not stay on disk for ever. Each upload queues its own sweep, delayed by the keep
 * time; the worker processes queue again at start the sweeps of every unsent upload, so a
 * crash between the upload's commit and its job only delays the clean-up.
 */
@Injectable()
export class UnsentUploadSweeps extends StartUpReconciler {
  constructor(
    private readonly repository: MessagingRepository,
    queue: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(queue, { logger: 'message-attachments', queued: 'sweeps of unsent uploads' });
  }

  private delayFor(uploadedAt: Date): number {
    const keepMs = this.config.messaging.unsentUploadKeepHours * 3_600_000;
    return Math.max(0, uploadedAt.getTime() + keepMs - this.clock.now().getTime());
  }

  /** Queues the sweep of a new upload. Never throws: the next start queues it again. */
  async schedule(attachmentId: string, uploadedAt: Date): Promise<void> {
    try {
      await this.queue.enqueue(
        'message.sweep-upload',
        { attachmentId },
        { jobId: sweepUploadJobId(attachmentId), delayMs: this.delayFor(uploadedAt) },
      );
    } catch (error) {
      this.logger.error(
        { err: error, attachmentId },
        'sweep of an upload not queued; it will be queued at the next start',
      );
    }
  }

  /** Queues the sweep of every unsent upload, in batches; ids already queued are ignored. */
  async reconcile(batchSize = RECONCILE_BATCH): Promise<number> {
    let after: { at: Date; id: string } | null = null;
    let queued = 0;
    while (!this.stopping) {
      const rows = await this.repository.unsentUploads(batchSize, after);
      await this.queue.enqueueMany(
        'message.sweep-upload',
        rows.map((row) => ({
          payload: { attachmentId: row.id },
          options: { jobId: sweepUploadJobId(row.id), delayMs: this.delayFor(row.created_at) },
        })),
      );
      queued += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < batchSize) break;
      after = { at: last.created_at, id: last.id };
    }
    return queued;
  }
}

/**
 * Removes an upload that is still unsent: the row is locked (a send that tries to take it
 * waits, then finds it gone), the bytes are removed, then the row. A failure rolls the row
 * back and the retry removes the bytes again (removing is idempotent).
 */
@HandlesJob('message.sweep-upload')
export class SweepUnsentUploadJob implements JobHandler<'message.sweep-upload'> {
  private readonly logger = new Logger('message-attachments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: MessagingRepository,
    private readonly storage: AttachmentStorage,
  ) {}

  async handle({ attachmentId }: JobPayloads['message.sweep-upload']): Promise<void> {
    const removed = await this.db.transaction(async (manager) => {
      const row = await this.repository.lockUnsentUpload(manager, attachmentId);
      if (!row) return false; // sent with a message, or already removed
      await this.storage.remove(row.storage_key);
      await this.repository.deleteAttachment(manager, attachmentId);
      return true;
    });
    if (removed) this.logger.log({ attachmentId }, 'removed an upload no message took');
  }
}
