import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import { StartUpReconciler } from '../../infra/queue/start-up-reconciler.js';
import type { ProcessedReminder } from './appointment-rows.js';
import { RemindersRepository } from './reminders.repository.js';

/** What reminder scheduling needs to know of an appointment. */
export interface ReminderTarget {
  id: string;
  scheduleVersion: number;
  startsAt: Date;
}

const RECONCILE_BATCH = 500;

export function reminderJobId(appointmentId: string, scheduleVersion: number, offset: number) {
  return `remind-${appointmentId}-${scheduleVersion}-${offset}`;
}

/**
 * Reminder jobs on the `reminders` queue: one per configured offset, with a deterministic id,
 * delayed until the reminder is due. Jobs are added and removed after the change that calls
 * for them has committed; a crash in between (or a lost queue) is healed by reconcile(), which
 * runs at start-up in processes that run the workers.
 */
@Injectable()
export class RemindersService extends StartUpReconciler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: RemindersRepository,
    queue: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(queue, { logger: 'reminders', queued: 'appointment reminders' });
  }

  get offsetsMinutes(): number[] {
    return this.config.scheduling.reminderOffsetsMinutes;
  }

  /** The jobs for the reminders of an appointment still ahead, skipping the given offsets. */
  private jobsFor(target: ReminderTarget, now: Date, done: Set<number> = new Set()) {
    return this.offsetsMinutes
      .filter((offset) => !done.has(offset))
      .map((offset) => ({ offset, due: target.startsAt.getTime() - offset * 60_000 }))
      .filter(({ due }) => due > now.getTime())
      .map(({ offset, due }) => ({
        payload: {
          appointmentId: target.id,
          scheduleVersion: target.scheduleVersion,
          offsetMinutes: offset,
        },
        options: {
          jobId: reminderJobId(target.id, target.scheduleVersion, offset),
          delayMs: due - now.getTime(),
        },
      }));
  }

  /** Queues the reminders of a new or moved appointment. Never throws: reconcile() heals. */
  async schedule(target: ReminderTarget): Promise<void> {
    try {
      await this.queue.enqueueMany('appointment.remind', this.jobsFor(target, this.clock.now()));
    } catch (error) {
      this.logger.error(
        { err: error, appointmentId: target.id },
        'reminders not queued; they will be queued at the next start',
      );
    }
  }

  /**
   * Removes the queued reminders of an appointment's time. A job that cannot be removed
   * (already running) finds the appointment changed when it re-reads it, and sends nothing.
   */
  async unschedule(target: Pick<ReminderTarget, 'id' | 'scheduleVersion'>): Promise<void> {
    await Promise.all(
      this.offsetsMinutes.map((offset) =>
        this.queue
          .removeJob('reminders', reminderJobId(target.id, target.scheduleVersion, offset))
          .catch((error: unknown) =>
            this.logger.warn(
              { err: error, appointmentId: target.id, offset },
              'could not remove a reminder job; it will find the appointment changed',
            ),
          ),
      ),
    );
  }

  async reschedule(previous: ReminderTarget, next: ReminderTarget): Promise<void> {
    await this.unschedule(previous);
    await this.schedule(next);
  }

  /**
   * Reminders already handled for the appointments' current times, in one query whatever
   * their number: appointment id → offset → outcome.
   */
  async processed(
    appointments: { id: string; scheduleVersion: number }[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, Map<number, ProcessedReminder>>> {
    const result = new Map<string, Map<number, ProcessedReminder>>();
    if (!appointments.length || !this.offsetsMinutes.length) return result;
    const rows = await this.repository.processed(appointments, manager);
    for (const row of rows) {
      const forAppointment = result.get(row.appointment_id) ?? new Map();
      forAppointment.set(row.offset_minutes, { outcome: row.outcome, detail: row.detail });
      result.set(row.appointment_id, forAppointment);
    }
    return result;
  }

  /**
   * Queues again every reminder still ahead of a booked appointment that has not been handled,
   * walking the appointments in batches. A job whose id is still in the queue is left as it
   * is (BullMQ ignores an add with an existing id), so running this twice changes nothing.
   */
  async reconcile(batchSize = RECONCILE_BATCH): Promise<number> {
    const offsets = this.offsetsMinutes;
    if (!offsets.length) return 0;
    const smallest = Math.min(...offsets);
    let after: { at: string; id: string } | null = null;
    let queued = 0;
    while (!this.stopping) {
      const now = this.clock.now();
      const rows = await this.repository.ahead(
        new Date(now.getTime() + smallest * 60_000),
        batchSize,
        after,
      );
      const jobs = rows.flatMap((row) =>
        this.jobsFor(
          { id: row.id, scheduleVersion: row.schedule_version, startsAt: row.starts_at },
          now,
          new Set(row.done),
        ),
      );
      await this.queue.enqueueMany('appointment.remind', jobs);
      queued += jobs.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < batchSize) break;
      after = { at: last.cursor_at, id: last.id };
    }
    return queued;
  }

  protected override get enabled(): boolean {
    return this.offsetsMinutes.length > 0;
  }
}
