/**
 * The job registry: every queue, every job, its payload type and its retry policy.
 * Payloads carry ids only, never health data or contact details.
 */
export const QUEUE_NAMES = ['mail', 'reminders', 'prescriptions', 'billing'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Jobs each worker process runs at once per queue. Reminder jobs are short transactions that
 * mostly wait on the commit's disk flush, so more of them at once commit together; the pool
 * (20 connections per process) bounds the sum.
 */
export const QUEUE_CONCURRENCY: { readonly [Q in QueueName]: number } = {
  mail: 5,
  reminders: 12,
  prescriptions: 2,
  billing: 2,
};

export interface JobPayloads {
  /** Send one row of mail_delivery. */
  'mail.send': { deliveryId: string };
  /** Email one appointment reminder, if the visit is still booked at that time. */
  'appointment.remind': { appointmentId: string; scheduleVersion: number; offsetMinutes: number };
  /** Email "you have a new message" (no content) if the patient has not read this staff reply. */
  'message.notify-unread': { messageId: string };
  /** Remove an uploaded message file (bytes and row) if no message has taken it by now. */
  'message.sweep-upload': { attachmentId: string };
  /** Send an approved refill's prescription through the e-prescribing port, once. */
  'refill.send-prescription': { refillRequestId: string };
  /** Issue the statements of a run to a batch of accounts (ids only). */
  'billing.issue-statements': { runId: string; accountIds: string[] };
  /** The monthly statement run, for the month before the clock's (repeatable). */
  'billing.monthly-statements': Record<string, never>;
}
export type JobName = keyof JobPayloads;

interface JobDefinition {
  queue: QueueName;
  /** Total tries, including the first. */
  attempts: number;
  /** First retry delay; each further retry doubles it. */
  backoffMs: number;
}

export const JOBS: { readonly [J in JobName]: JobDefinition } = {
  'mail.send': { queue: 'mail', attempts: 6, backoffMs: 5_000 },
  'appointment.remind': { queue: 'reminders', attempts: 5, backoffMs: 10_000 },
  'message.notify-unread': { queue: 'reminders', attempts: 5, backoffMs: 10_000 },
  'message.sweep-upload': { queue: 'reminders', attempts: 5, backoffMs: 10_000 },
  // A pharmacy network that is down for a while: retried for about an hour.
  'refill.send-prescription': { queue: 'prescriptions', attempts: 12, backoffMs: 1_000 },
  'billing.issue-statements': { queue: 'billing', attempts: 5, backoffMs: 30_000 },
  'billing.monthly-statements': { queue: 'billing', attempts: 5, backoffMs: 60_000 },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];
