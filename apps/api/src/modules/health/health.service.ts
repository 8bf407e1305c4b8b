import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailService } from '../../infra/mail/mail.service.js';
import { MAIL_TRANSPORT } from '../../infra/mail/mail.tokens.js';
import type { MailTransport } from '../../infra/mail/mail-transport.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import type { CheckDto, MailCheckDto, QueueCheckDto, ReadinessDto } from './health.dto.js';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

/** The reason a check failed, within the 500 characters the readiness schema documents. */
function failure(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly mail: MailService,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  async readiness(): Promise<ReadinessDto> {
    const [database, queue, mail] = await Promise.all([
      this.checkDatabase(),
      this.checkQueue(),
      this.checkMail(),
    ]);
    const status = database.status === 'ok' && queue.status === 'ok' ? 'ok' : 'error';
    return { status, checks: { database, queue, mail } };
  }

  private async checkDatabase(): Promise<CheckDto> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'));
      return { status: 'ok' };
    } catch (error) {
      return { status: 'error', error: failure(error) };
    }
  }

  private async checkQueue(): Promise<QueueCheckDto> {
    const backend = this.queue.backendKind;
    try {
      return { status: 'ok', backend, queues: await withTimeout(this.queue.counts()) };
    } catch (error) {
      return { status: 'error', backend, error: failure(error) };
    }
  }

  /** Failed emails do not make the service unready, but they show here. */
  private async checkMail(): Promise<MailCheckDto> {
    try {
      const counts = await withTimeout(this.mail.countByStatus());
      return {
        status: counts.failed > 0 ? 'error' : 'ok',
        transport: this.transport.kind,
        queued: counts.queued,
        failed: counts.failed,
        ...(counts.failed > 0 ? { error: `${counts.failed} emails failed every retry` } : {}),
      };
    } catch (error) {
      return {
        status: 'error',
        transport: this.transport.kind,
        queued: 0,
        failed: 0,
        error: failure(error),
      };
    }
  }
}
