import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

/**
 * Extends the audit trail's hash chain (audit_chain) every AUDIT_CHAIN_INTERVAL_MS (a second by
 * default) in every API and worker process: one statement, audit_chain_extend(), which links every row whose
 * transaction has ended, in one transaction, and returns at once when another process is
 * already at it. Rows are therefore linked within seconds of being written, and an audited
 * request never waits for the chain.
 */
@Injectable()
export class AuditChainService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('audit');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.auditChainIntervalMs === 0) return;
    this.timer = setInterval(() => {
      this.running = this.extend().catch((error: unknown) =>
        this.logger.error({ err: error }, 'could not extend the audit chain'),
      );
    }, this.config.auditChainIntervalMs);
    this.timer.unref();
  }

  /** Before the data source closes (TypeORM closes it at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Links every settled row now; returns how many (0 when another process holds the chain). */
  async extend(): Promise<number> {
    const [row] = (await this.db.query('SELECT audit_chain_extend() AS linked')) as [
      { linked: number },
    ];
    return row.linked;
  }
}
