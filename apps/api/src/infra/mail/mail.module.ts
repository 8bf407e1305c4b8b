import { Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { APP_CONFIG, ROOT_LOGGER } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MailDelivery } from './mail-delivery.entity.js';
import { outboxTransport, smtpTransport, type MailTransport } from './mail-transport.js';
import { MailService } from './mail.service.js';
import { MAIL_TRANSPORT } from './mail.tokens.js';
import { SendMailJob } from './send-mail.job.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MailDelivery])],
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger): MailTransport =>
        config.smtpUrl
          ? smtpTransport(config.smtpUrl)
          : outboxTransport(config.outboxDir, logger, {
              logLinks: config.embedded && config.loopbackOnly,
            }),
    },
    MailService,
    SendMailJob,
  ],
  exports: [MailService, MAIL_TRANSPORT],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
