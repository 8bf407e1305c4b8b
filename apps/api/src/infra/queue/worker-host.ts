import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JOB_HANDLER_METADATA, type JobHandler } from './job-handler.js';
import { JOB_NAMES, JOBS, QUEUE_CONCURRENCY, QUEUE_NAMES, type JobName } from './jobs.js';
import type { PortalWorker, QueueBackend } from './queue-backend.js';
import { QUEUE_BACKEND } from './queue.tokens.js';

export const WORKERS_ENABLED = Symbol('WORKERS_ENABLED');

type AnyHandler = JobHandler<JobName>;

/** Finds the handlers of every registered job; fails when one is missing or doubled. */
export function collectHandlers(providers: { instance: unknown }[]): Map<JobName, AnyHandler> {
  const found = new Map<JobName, AnyHandler[]>();
  for (const { instance } of providers) {
    if (!instance || typeof instance !== 'object') continue;
    const job = Reflect.getMetadata(JOB_HANDLER_METADATA, instance.constructor) as
      JobName | undefined;
    if (!job) continue;
    found.set(job, [...(found.get(job) ?? []), instance as AnyHandler]);
  }
  const problems: string[] = [];
  const handlers = new Map<JobName, AnyHandler>();
  for (const job of JOB_NAMES) {
    const list = found.get(job) ?? [];
    if (list.length !== 1) problems.push(`job "${job}" has ${list.length} handlers`);
    else handlers.set(job, list[0]!);
  }
  for (const job of found.keys()) {
    if (!JOB_NAMES.includes(job)) problems.push(`handler for unregistered job "${job}"`);
  }
  if (problems.length) {
    throw new Error(`Every job needs exactly one handler: ${problems.join('; ')}`);
  }
  return handlers;
}

/**
 * Runs the workers of every queue in this process (the worker entrypoint always, the API
 * entrypoint when RUN_WORKERS is on). The handler check runs in every process at boot.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('worker');
  private readonly workers: PortalWorker[] = [];
  private handlers = new Map<JobName, AnyHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    @Inject(WORKERS_ENABLED) private readonly enabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = collectHandlers(this.discovery.getProviders());
    if (this.enabled) this.start();
  }

  private start(): void {
    for (const queue of QUEUE_NAMES) {
      const worker = this.backend.createWorker(
        queue,
        (job: Job) => this.process(job),
        QUEUE_CONCURRENCY[queue],
      );
      worker.on('failed', (job, error) => void this.failed(job as Job | undefined, error));
      worker.on('error', (error) => this.logger.error({ err: error, queue }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log({ queues: QUEUE_NAMES, backend: this.backend.kind }, 'workers started');
  }

  private async process(job: Job): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    const attempt = job.attemptsMade + 1;
    await handler.handle(job.data, {
      jobId: String(job.id),
      attempt,
      finalAttempt: attempt >= JOBS[name].attempts,
    });
  }

  private async failed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const name = job.name as JobName;
    const final = job.attemptsMade >= (JOBS[name]?.attempts ?? 1);
    // Only the job id and error go to the log; payloads stay out.
    this.logger.warn(
      { job: name, jobId: job.id, attempt: job.attemptsMade, final, error: error.message },
      final ? 'job failed for good' : 'job failed; will retry',
    );
    if (final) {
      await this.handlers
        .get(name)
        ?.onFinalFailure?.(job.data, error)
        .catch((err: unknown) => this.logger.error({ err, job: name }, 'onFinalFailure threw'));
    }
  }

  /** Waits for running jobs to finish, then stops taking new ones. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    if (this.workers.length) this.logger.log('workers stopped');
    this.workers.length = 0;
  }
}
