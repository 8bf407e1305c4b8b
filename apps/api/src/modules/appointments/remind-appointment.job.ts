import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { HandlesJob, type JobHandler } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { reminderEmail } from './appointment-emails.js';
import { RemindersRepository, type ReminderSubject } from './reminders.repository.js';

type Payload = JobPayloads['appointment.remind'];

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
    private readonly reminders: RemindersRepository,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ appointmentId, scheduleVersion, offsetMinutes }: Payload): Promise<void> {
    const deliveryId = await this.db.transaction(async (manager) => {
      const key = { appointmentId, scheduleVersion, offsetMinutes };
      const subject = await this.reminders.subject(manager, appointmentId);
      if (!subject) return null;
      const skipped = this.reasonToSkip(subject, scheduleVersion);
      const handled = await this.reminders.markHandled(manager, key, skipped, this.clock.now());
      if (!handled) {
        // A repeat delivery: hand its email to the mail queue again, in case the first try
        // stopped between its commit and that step (the mail job skips a sent email).
        return this.reminders.earlierEmail(manager, key);
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
      await this.reminders.setEmail(manager, key, id);
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
