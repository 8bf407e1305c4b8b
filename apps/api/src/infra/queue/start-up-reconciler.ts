import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { QueueService } from './queue.service.js';

/**
 * Jobs are queued after the change that calls for them has committed, so a crash in between
 * (or a lost queue) can leave one out. A reconciler walks the database at start, in the
 * processes that run the workers, and queues again what should be queued; job ids are
 * deterministic, so a job still in the queue is not added twice. The walk runs in the
 * background and stops between batches when the application shuts down.
 */
export abstract class StartUpReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private reconciling: Promise<void> | null = null;
  /** Read between batches: the walk stops when the application is shutting down. */
  protected stopping = false;

  protected constructor(
    protected readonly queue: QueueService,
    private readonly what: { logger: string; queued: string },
  ) {
    this.logger = new Logger(what.logger);
  }

  /** Queues again what is missing; resolves to how many jobs it queued (or confirmed). */
  abstract reconcile(): Promise<number>;

  /** Whether there is anything to reconcile at all in this configuration. */
  protected get enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (!this.queue.runsWorkers || !this.enabled) return;
    this.reconciling = this.reconcile()
      .then((count) => {
        if (count) this.logger.log({ count }, `${this.what.queued} queued (or confirmed) at start`);
      })
      .catch((error: unknown) =>
        this.logger.error({ err: error }, `could not queue ${this.what.queued} at start`),
      );
  }

  /** Lets a running walk stop between batches before the queues and pool close. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.reconciling;
  }

  /** Resolves once the start-up walk has finished (tests wait on it). */
  async started(): Promise<void> {
    await this.reconciling;
  }
}
