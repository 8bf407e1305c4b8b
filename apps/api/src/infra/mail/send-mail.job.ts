import { Inject, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { HandlesJob, type JobContext, type JobHandler } from '../queue/job-handler.js';
import type { JobPayloads } from '../queue/jobs.js';
import { MailDelivery } from './mail-delivery.entity.js';
import { MAIL_TRANSPORT } from './mail.tokens.js';
import type { MailTransport } from './mail-transport.js';

type Payload = JobPayloads['mail.send'];

@HandlesJob('mail.send')
export class SendMailJob implements JobHandler<'mail.send'> {
  private readonly logger = new Logger('mail');

  constructor(
    @InjectRepository(MailDelivery) private readonly deliveries: Repository<MailDelivery>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ deliveryId }: Payload, context: JobContext): Promise<void> {
    const delivery = await this.deliveries.findOneBy({ id: deliveryId });
    // Already sent (a duplicate delivery of the job) or gone: nothing to do.
    if (!delivery || delivery.status === 'sent' || delivery.textBody === null) return;
    try {
      const { messageId } = await this.transport.send({
        messageId: `<${delivery.id}@portal.localhost>`,
        from: this.config.mailFrom,
        to: delivery.recipient,
        subject: delivery.subject,
        text: delivery.textBody,
        html: delivery.htmlBody ?? undefined,
      });
      await this.deliveries.update(
        { id: deliveryId },
        {
          status: 'sent',
          attempts: context.attempt,
          messageId,
          sentAt: new Date(),
          updatedAt: new Date(),
          lastError: null,
          // Links may carry single-use tokens: keep no copy once the message has left.
          textBody: null,
          htmlBody: null,
        },
      );
      this.logger.log({ deliveryId, template: delivery.template }, 'email sent');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.deliveries.update(
        { id: deliveryId },
        { attempts: context.attempt, lastError: message.slice(0, 500), updatedAt: new Date() },
      );
      throw error;
    }
  }

  async onFinalFailure({ deliveryId }: Payload): Promise<void> {
    // Never sent, never will be: its links (and tokens) are not kept either.
    await this.deliveries.update(
      { id: deliveryId },
      { status: 'failed', updatedAt: new Date(), textBody: null, htmlBody: null },
    );
    this.logger.error({ deliveryId }, 'email could not be delivered; giving up');
  }
}
