import { Inject, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ServerKeys } from '../../common/server-keys.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { HandlesJob, type JobContext, type JobHandler } from '../queue/job-handler.js';
import type { JobPayloads } from '../queue/jobs.js';
import { escapeHtml, MAIL_SECRET } from './compose.js';
import { MailDelivery } from './mail-delivery.entity.js';
import { MAIL_SECRET_PURPOSE } from './mail.service.js';
import { MAIL_TRANSPORT } from './mail.tokens.js';
import type { MailTransport } from './mail-transport.js';

type Payload = JobPayloads['mail.send'];

/** Puts the secret where the stored body holds MAIL_SECRET (escaped for HTML). */
function withSecret(body: string, secret: string, html: boolean): string {
  return body.split(MAIL_SECRET).join(html ? escapeHtml(secret) : secret);
}

@HandlesJob('mail.send')
export class SendMailJob implements JobHandler<'mail.send'> {
  private readonly logger = new Logger('mail');

  constructor(
    @InjectRepository(MailDelivery) private readonly deliveries: Repository<MailDelivery>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: ServerKeys,
    private readonly clock: Clock,
  ) {}

  async handle({ deliveryId }: Payload, context: JobContext): Promise<void> {
    const delivery = await this.deliveries.findOneBy({ id: deliveryId });
    // Already sent (a duplicate delivery of the job) or gone: nothing to do.
    if (!delivery || delivery.status === 'sent' || delivery.textBody === null) return;
    let text = delivery.textBody;
    let html = delivery.htmlBody ?? undefined;
    if (delivery.secretSealed !== null) {
      // The code or link in it no longer works: erase it rather than send a dead one.
      if (delivery.secretExpiresAt && delivery.secretExpiresAt <= this.clock.now()) {
        await this.giveUp(deliveryId, 'expired before it was sent');
        return;
      }
      const secret = this.keys.decrypt(MAIL_SECRET_PURPOSE, delivery.secretSealed);
      if (secret === null) {
        // Sealed under a key no longer configured: it can never be sent.
        await this.giveUp(deliveryId, 'its secret is under an unknown server key');
        return;
      }
      text = withSecret(text, secret, false);
      html = html === undefined ? undefined : withSecret(html, secret, true);
    }
    try {
      const { messageId } = await this.transport.send({
        messageId: `<${delivery.id}@portal.localhost>`,
        from: this.config.mailFrom,
        to: delivery.recipient,
        subject: delivery.subject,
        text,
        html,
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
          secretSealed: null,
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
      { id: deliveryId, status: 'queued' },
      {
        status: 'failed',
        updatedAt: new Date(),
        textBody: null,
        htmlBody: null,
        secretSealed: null,
      },
    );
    this.logger.error({ deliveryId }, 'email could not be delivered; giving up');
  }

  /** Never sent, never will be: nothing of it is kept. */
  private async giveUp(deliveryId: string, reason: string): Promise<void> {
    await this.deliveries.update(
      { id: deliveryId, status: 'queued' },
      {
        status: 'failed',
        lastError: reason,
        updatedAt: new Date(),
        textBody: null,
        htmlBody: null,
        secretSealed: null,
      },
    );
    this.logger.warn({ deliveryId, reason }, 'email not sent');
  }
}
