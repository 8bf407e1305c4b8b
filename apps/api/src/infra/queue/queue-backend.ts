import { Queue, Worker, withBackend, createPostgresBackend, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobName, JobPayloads, QueueName } from './jobs.js';

type AnyPayload = JobPayloads[JobName];

export interface PortalJobOptions {
  jobId?: string;
  delay?: number;
  attempts: number;
  backoff: { type: 'exponential'; delay: number };
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number };
}

/** The part of a BullMQ queue the app uses, the same whichever backend runs it. */
export interface PortalQueue {
  add(name: JobName, data: AnyPayload, opts: PortalJobOptions): Promise<{ id?: string }>;
  /** Several jobs in one round trip. */
  addBulk(
    jobs: { name: JobName; data: AnyPayload; opts: PortalJobOptions }[],
  ): Promise<{ id?: string }[]>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  getJob(id: string): Promise<{ remove(): Promise<void> } | undefined>;
  /** Creates or updates a repeatable job (BullMQ's job scheduler), on either backend. */
  upsertJobScheduler(
    schedulerId: string,
    repeat: { pattern: string; tz?: string },
    template: { name: JobName; data: AnyPayload; opts?: Partial<PortalJobOptions> },
  ): Promise<unknown>;
  close(): Promise<void>;
}

export interface PortalWorker {
  on(event: 'failed', listener: (job: unknown, error: Error) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

export interface QueueBackend {
  readonly kind: 'redis' | 'postgres';
  createQueue(name: QueueName): PortalQueue;
  createWorker(name: QueueName, processor: Processor, concurrency: number): PortalWorker;
  close(): Promise<void>;
}

/** BullMQ on Redis (production shape): one shared connection for queues, one per worker. */
export function redisBackend(url: string): QueueBackend {
  const shared = new Redis(url, { maxRetriesPerRequest: null });
  return {
    kind: 'redis',
    createQueue: (name) => new Queue(name, { connection: shared }) as unknown as PortalQueue,
    createWorker: (name, processor, concurrency) => {
      // BullMQ never closes a connection it was given, so the worker's own one is closed here.
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      const worker = new Worker(name, processor, { connection, concurrency });
      return {
        on: (event: 'failed' | 'error', listener: (...args: never[]) => void) =>
          worker.on(event, listener as (...args: unknown[]) => void),
        close: async () => {
          await worker.close();
          await connection.quit().catch(() => undefined);
        },
      } as PortalWorker;
    },
    close: async () => {
      await shared.quit().catch(() => undefined);
    },
  };
}

/** BullMQ's PostgreSQL backend, in the app's own database, in schema "bullmq". */
export function postgresBackend(databaseUrl: string): QueueBackend {
  const { Queue: PgQueue, Worker: PgWorker } = withBackend(createPostgresBackend);
  // migrate: true lets BullMQ create its tables; without it a worker spins on the missing schema.
  const connection = { connectionString: databaseUrl, migrate: true, max: 5 };
  return {
    kind: 'postgres',
    createQueue: (name) => new PgQueue(name, { connection }) as unknown as PortalQueue,
    createWorker: (name, processor, concurrency) =>
      new PgWorker(name, processor, { connection, concurrency }) as unknown as PortalWorker,
    close: async () => undefined,
  };
}
