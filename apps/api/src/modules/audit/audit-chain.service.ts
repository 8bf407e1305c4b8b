import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** How often each process links the audit rows written since the last time. */
export const CHAIN_INTERVAL_MS = 1_000;

/**
 * Extends the audit trail's hash chain (audit_chain) about once a second in every API and
 * worker process: one statement, audit_chain_extend(), which links every row whose
 * transaction has ended, in one transaction, and returns at once when another process is
 * already at it. Rows are therefore linked within seconds of being written, and an audited
 * request never waits for the chain.
 */
@Injectable()
export class AuditChainService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('audit');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.extend().catch((error: unknown) =>
        this.logger.error({ err: error }, 'could not extend the audit chain'),
      );
    }, CHAIN_INTERVAL_MS);
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
