import { SetMetadata, applyDecorators, Injectable } from '@nestjs/common';
import type { JobName, JobPayloads } from './jobs.js';

export const JOB_HANDLER_METADATA = Symbol('job-handler');

export interface JobContext {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** True when this try is the last one the retry policy allows. */
  finalAttempt: boolean;
}

/**
 * The one handler of a job. BullMQ delivers at least once, so handle() must be idempotent.
 * onFinalFailure runs once when the last retry has failed.
 */
export interface JobHandler<J extends JobName> {
  handle(payload: JobPayloads[J], context: JobContext): Promise<void>;
  onFinalFailure?(payload: JobPayloads[J], error: Error): Promise<void>;
}

/** Marks a provider as the handler of a job; the worker host finds it at boot. */
export function HandlesJob(job: JobName): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(JOB_HANDLER_METADATA, job));
}
