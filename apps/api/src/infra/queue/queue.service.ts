import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { QUEUE_BACKEND } from './queue.tokens.js';
import type { PortalJobOptions, PortalQueue, QueueBackend } from './queue-backend.js';
import { JOBS, QUEUE_NAMES, type JobName, type JobPayloads, type QueueName } from './jobs.js';
import { WORKERS_ENABLED } from './worker-host.js';

const DAY_SECONDS = 24 * 60 * 60;

export interface EnqueueOptions {
  /** Deterministic id: a second add with the same id is ignored while the first job exists. */
  jobId?: string;
  delayMs?: number;
}

function jobOptions(job: JobName, options: EnqueueOptions): PortalJobOptions {
  const definition = JOBS[job];
  return {
    jobId: options.jobId,
    delay: options.delayMs,
    attempts: definition.attempts,
    backoff: { type: 'exponential', delay: definition.backoffMs },
    removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
    // Failed jobs stay a week so operators can see and retry them.
    removeOnFail: { age: 7 * DAY_SECONDS },
  };
}

/** Adds jobs to their queues, with each job's retry policy from the registry. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('queue');
  private readonly queues = new Map<QueueName, PortalQueue>();

  constructor(
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    @Inject(WORKERS_ENABLED) private readonly workersEnabled: boolean,
  ) {}

  get backendKind(): QueueBackend['kind'] {
    return this.backend.kind;
  }

  /** Whether this process runs the job workers (start-up recovery work belongs to those). */
  get runsWorkers(): boolean {
    return this.workersEnabled;
  }

  queue(name: QueueName): PortalQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.createQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<J extends JobName>(
    job: J,
    payload: JobPayloads[J],
    options: EnqueueOptions = {},
  ): Promise<string | undefined> {
    const definition = JOBS[job];
    const added = await this.queue(definition.queue).add(job, payload, jobOptions(job, options));
    return added.id;
  }

  /** Adds several jobs of one kind in one round trip; ids already present are ignored. */
  async enqueueMany<J extends JobName>(
    job: J,
    entries: { payload: JobPayloads[J]; options?: EnqueueOptions }[],
  ): Promise<void> {
    if (!entries.length) return;
    await this.queue(JOBS[job].queue).addBulk(
      entries.map(({ payload, options }) => ({
        name: job,
        data: payload,
        opts: jobOptions(job, options ?? {}),
      })),
    );
  }

  /**
   * A job that repeats on a cron pattern (UTC). The scheduler id makes it one schedule however
   * many processes register it; each run is an ordinary job with the registry's retry policy.
   */
  async schedule<J extends JobName>(
    job: J,
    schedulerId: string,
    pattern: string,
    payload: JobPayloads[J],
  ): Promise<void> {
    const { jobId: _jobId, delay: _delay, ...opts } = jobOptions(job, {});
    await this.queue(JOBS[job].queue).upsertJobScheduler(
      schedulerId,
      { pattern, tz: 'UTC' },
      { name: job, data: payload, opts },
    );
  }

  async removeJob(queue: QueueName, jobId: string): Promise<void> {
    const job = await this.queue(queue).getJob(jobId);
    await job?.remove();
  }

  /** Counts per queue; used by the readiness check, so it also proves the backend answers. */
  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(
        async (name) =>
          [
            name,
            await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed'),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.backend.close();
    this.logger.log('queues closed');
  }
}
