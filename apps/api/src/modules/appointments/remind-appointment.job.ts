import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { returnedRows } from '../../infra/database/sql.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { HandlesJob, type JobHandler } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import type { PostalAddress } from '../patients/patient.entity.js';
import { reminderEmail } from './appointment-emails.js';
import type { AppointmentStatus } from './appointment.entity.js';

type Payload = JobPayloads['appointment.remind'];

interface ReminderSubject {
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

/**
 * Emails one reminder. The job carries ids only; the appointment is read again here, so a
 * cancelled or moved visit gets no reminder even when its job could not be removed. The
 * appointment_reminder row and the email row are written in one transaction, and the row's
 * key makes a second delivery of the same job send nothing.
 */
@HandlesJob('appointment.remind')
export class RemindAppointmentJob implements JobHandler<'appointment.remind'> {
  private readonly logger = new Logger('reminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ appointmentId, scheduleVersion, offsetMinutes }: Payload): Promise<void> {
    const deliveryId = await this.db.transaction(async (manager) => {
      // Held until commit: a cancellation or move waits for this reminder, or this one sees it.
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
      if (!subject) return null;
      const skipped = this.reasonToSkip(subject, scheduleVersion);
      const inserted = returnedRows<{ appointment_id: string }>(
        await manager.query(
          `INSERT INTO appointment_reminder
                  (appointment_id, schedule_version, offset_minutes, outcome, detail, processed_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING
           RETURNING appointment_id`,
          [
            appointmentId,
            scheduleVersion,
            offsetMinutes,
            skipped ? 'skipped' : 'sent',
            skipped,
            this.clock.now(),
          ],
        ),
      );
      if (!inserted.length) {
        // A repeat delivery: hand its email to the mail queue again, in case the first try
        // stopped between its commit and that step (the mail job skips a sent email).
        const [earlier] = (await manager.query(
          `SELECT mail_delivery_id FROM appointment_reminder
            WHERE appointment_id = $1 AND schedule_version = $2 AND offset_minutes = $3`,
          [appointmentId, scheduleVersion, offsetMinutes],
        )) as { mail_delivery_id: string | null }[];
        return earlier?.mail_delivery_id ?? null;
      }
      if (skipped) {
        this.logger.log({ appointmentId, offsetMinutes, reason: skipped }, 'reminder skipped');
        return null;
      }
      const id = await this.mail.record(
        reminderEmail(
          subject.email!,
          {
            id: appointmentId,
            startsAt: subject.starts_at,
            location: {
              name: subject.location_name,
              address: subject.location_address,
              phone: subject.location_phone,
              timeZone: subject.location_time_zone,
              arrivalInstructions: subject.location_arrival_instructions,
            },
          },
          {
            publicUrl: this.config.publicUrl,
            clinicName: this.config.clinicName,
            cancelCutoffHours: this.config.scheduling.cancelCutoffHours,
            now: this.clock.now(),
          },
        ),
        manager,
      );
      await manager.query(
        `UPDATE appointment_reminder SET mail_delivery_id = $4
          WHERE appointment_id = $1 AND schedule_version = $2 AND offset_minutes = $3`,
        [appointmentId, scheduleVersion, offsetMinutes, id],
      );
      return id;
    });
    if (deliveryId) await this.mail.dispatch(deliveryId);
  }

  /** Why no email goes out, in a few words for the staff's view; null to send it. */
  private reasonToSkip(subject: ReminderSubject, scheduleVersion: number): string | null {
    if (subject.schedule_version !== scheduleVersion) return 'appointment moved to another time';
    if (subject.status === 'cancelled') return 'appointment cancelled';
    if (subject.status !== 'booked') return 'appointment not booked';
    if (subject.starts_at <= this.clock.now()) return 'appointment already started';
    if (!subject.email) return 'no email on file';
    return null;
  }
}
