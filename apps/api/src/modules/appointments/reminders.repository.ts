import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../infra/database/sql.js';
import type { PostalAddress } from '../patients/patient.entity.js';
import type { AppointmentStatus } from './appointment.entity.js';

/** What a reminder needs of its appointment: read again when it is sent, never from the job. */
export interface ReminderSubject {
  status: AppointmentStatus;
  starts_at: Date;
  schedule_version: number;
  email: string | null;
  location_name: string;
  location_address: PostalAddress;
  location_phone: string;
  location_time_zone: string;
  location_arrival_instructions: string | null;
}

/** One reminder of one appointment's time: which, and for which of the reminder offsets. */
export interface ReminderKey {
  appointmentId: string;
  scheduleVersion: number;
  offsetMinutes: number;
}

/** The reminders' SQL: what was handled, what is still ahead, and each send's record. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The reminders handled for these appointments' current times, in one query. */
  processed(
    appointments: { id: string; scheduleVersion: number }[],
    manager: EntityManager = this.db.manager,
  ): Promise<
    {
      appointment_id: string;
      offset_minutes: number;
      outcome: 'sent' | 'skipped';
      detail: string | null;
    }[]
  > {
    return manager.query(
      `SELECT r.appointment_id, r.offset_minutes, r.outcome, r.detail
         FROM appointment_reminder r
         JOIN unnest($1::uuid[], $2::int[]) AS k(id, schedule_version)
           ON r.appointment_id = k.id AND r.schedule_version = k.schedule_version`,
      [appointments.map((a) => a.id), appointments.map((a) => a.scheduleVersion)],
    );
  }

  /**
   * A batch of booked appointments starting after `from`, in start order after a position,
   * each with the offsets already handled for its current time.
   */
  ahead(
    from: Date,
    limit: number,
    after: { at: string; id: string } | null,
  ): Promise<
    { id: string; starts_at: Date; schedule_version: number; cursor_at: string; done: number[] }[]
  > {
    const args: unknown[] = [from, limit];
    if (after) args.push(after.at, after.id);
    return this.db.query(
      `SELECT a.id, a.starts_at, a.schedule_version,
              to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
              ARRAY(SELECT r.offset_minutes FROM appointment_reminder r
                     WHERE r.appointment_id = a.id
                       AND r.schedule_version = a.schedule_version) AS done
         FROM appointment a
        WHERE a.status = 'booked' AND a.starts_at > $1
              ${after ? 'AND (a.starts_at, a.id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY a.starts_at, a.id
        LIMIT $2`,
      args,
    );
  }

  /**
   * The appointment a reminder is about, held (FOR SHARE) until the caller's commit: a
   * cancellation or move waits for this reminder, or this one sees it. Null when it is gone.
   */
  async subject(manager: EntityManager, appointmentId: string): Promise<ReminderSubject | null> {
    const [subject] = (await manager.query(
      `SELECT a.status, a.starts_at, a.schedule_version, pt.email,
              l.name AS location_name, l.address AS location_address, l.phone AS location_phone,
              l.time_zone AS location_time_zone,
              l.arrival_instructions AS location_arrival_instructions
         FROM appointment a
         JOIN patient pt ON pt.id = a.patient_id
         JOIN location l ON l.id = a.location_id
        WHERE a.id = $1
          FOR SHARE OF a`,
      [appointmentId],
    )) as ReminderSubject[];
    return subject ?? null;
  }

  /** Records the reminder as handled; false when it already was (a repeated delivery). */
  async markHandled(
    manager: EntityManager,
    key: ReminderKey,
    skipped: string | null,
    now: Date,
  ): Promise<boolean> {
    const inserted = returnedRows<{ appointment_id: string }>(
      await manager.query(
        `INSERT INTO appointment_reminder
                (appointment_id, schedule_version, offset_minutes, outcome, detail, processed_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING
         RETURNING appointment_id`,
        [
          key.appointmentId,
          key.scheduleVersion,
          key.offsetMinutes,
          skipped ? 'skipped' : 'sent',
          skipped,
          now,
        ],
      ),
    );
    return inserted.length > 0;
  }

  /** The email an earlier delivery of this reminder recorded, if any. */
  async earlierEmail(manager: EntityManager, key: ReminderKey): Promise<string | null> {
    const [earlier] = (await manager.query(
      `SELECT mail_delivery_id FROM appointment_reminder
        WHERE appointment_id = $1 AND schedule_version = $2 AND offset_minutes = $3`,
      [key.appointmentId, key.scheduleVersion, key.offsetMinutes],
    )) as { mail_delivery_id: string | null }[];
    return earlier?.mail_delivery_id ?? null;
  }

  async setEmail(manager: EntityManager, key: ReminderKey, deliveryId: string): Promise<void> {
    await manager.query(
      `UPDATE appointment_reminder SET mail_delivery_id = $4
        WHERE appointment_id = $1 AND schedule_version = $2 AND offset_minutes = $3`,
      [key.appointmentId, key.scheduleVersion, key.offsetMinutes, deliveryId],
    );
  }
}
