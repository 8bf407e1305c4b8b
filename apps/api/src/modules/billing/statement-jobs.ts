import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { HandlesJob, type JobHandler } from '../../infra/queue/job-handler.js';
import type { JobPayloads } from '../../infra/queue/jobs.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import { previousMonth } from './billing.rules.js';
import { StatementsService } from './statements.service.js';

/** The monthly run: at 06:00 UTC on the first of each month, for the month before. */
export const MONTHLY_STATEMENTS_PATTERN = '0 6 1 * *';
export const MONTHLY_STATEMENTS_SCHEDULER = 'billing-monthly-statements';

/** Issues one batch of a statement run (ids only in the payload). Idempotent per account. */
@HandlesJob('billing.issue-statements')
export class IssueStatementsJob implements JobHandler<'billing.issue-statements'> {
  constructor(private readonly statements: StatementsService) {}

  handle({ runId, accountIds }: JobPayloads['billing.issue-statements']): Promise<void> {
    return this.statements.issueBatch(runId, accountIds);
  }
}

/**
 * The scheduled monthly run: the period is the calendar month before the injected clock's
 * day, so a late or repeated delivery issues the same period once.
 */
@HandlesJob('billing.monthly-statements')
export class MonthlyStatementsJob implements JobHandler<'billing.monthly-statements'> {
  constructor(
    private readonly statements: StatementsService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.statements.issue(previousMonth(this.clock.now()), null);
  }
}

/** Registers the monthly schedule where workers run (one schedule, whatever the processes). */
@Injectable()
export class MonthlyStatementsSchedule implements OnApplicationBootstrap {
  constructor(private readonly queue: QueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsWorkers) return;
    await this.queue.schedule(
      'billing.monthly-statements',
      MONTHLY_STATEMENTS_SCHEDULER,
      MONTHLY_STATEMENTS_PATTERN,
      {},
    );
  }
}
