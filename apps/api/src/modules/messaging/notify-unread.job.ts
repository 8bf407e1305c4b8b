import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { composeEmail } from '../../infra/mail/compose.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { HandlesJob, type JobHandler } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { MessagingRepository } from './messaging.repository.js';

/** The email: that a message is waiting, and a link. No content, no names, no subject line. */
export function unreadMessageEmail(
  to: string,
  conversationId: string,
  settings: { publicUrl: string; clinicName: string },
) {
  return composeEmail({
    template: 'message-unread',
    to,
    subject: `You have a new message from ${settings.clinicName}`,
    paragraphs: [
      'Your care team has sent you a message in the patient portal.',
      'Sign in to read it. For your privacy, this email does not include the message.',
    ],
    action: { label: 'Read the message', url: `${settings.publicUrl}/messages/${conversationId}` },
    clinicName: settings.clinicName,
  });
}

/**
 * A few minutes after a staff reply: email the patient if they have not read it. The job
 * carries the message id only and reads the read mark now; the message row keeps the email's
 * id, so a second delivery of the job sends nothing more.
 */
@HandlesJob('message.notify-unread')
export class NotifyUnreadMessageJob implements JobHandler<'message.notify-unread'> {
  private readonly logger = new Logger('messaging');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: MessagingRepository,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ messageId }: JobPayloads['message.notify-unread']): Promise<void> {
    const deliveryId = await this.db.transaction(async (manager) => {
      const subject = await this.repository.unreadReplySubject(manager, messageId);
      if (!subject || subject.kind !== 'staff') return null;
      // A repeat delivery: hand the recorded email to the queue again (it skips a sent one).
      if (subject.unread_email_id) return subject.unread_email_id;
      if (subject.read || !subject.email) {
        this.logger.log(
          { messageId, reason: subject.read ? 'read' : 'no email on file' },
          'no unread-message email',
        );
        return null;
      }
      const id = await this.mail.record(
        unreadMessageEmail(subject.email, subject.conversation_id, this.config),
        manager,
      );
      await this.repository.setUnreadEmail(manager, messageId, id);
      return id;
    });
    if (deliveryId) await this.mail.dispatch(deliveryId);
  }
}
