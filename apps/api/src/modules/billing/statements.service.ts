import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import { decodeCursor, pageOf } from '../../common/pager.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { composeEmail } from '../../infra/mail/compose.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { QueueService } from '../../infra/queue/queue.service.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  StatementPage,
  StatementPageQuery,
  StatementPeriod,
  StatementRunPreview,
  StatementRunView,
  StatementView,
} from './billing.dto.js';
import { StatementNotFoundError, StatementPeriodNotOverError } from './billing.errors.js';
import {
  BillingRepository,
  type StatementRow,
  type StatementSnapshot,
} from './billing.repository.js';
import {
  addDays,
  BILLING_CURRENCY,
  minorUnits,
  previousMonth,
  STATEMENT_BATCH_SIZE,
  STATEMENT_DUE_DAYS,
  statementCode,
  type EntryKind,
} from './billing.rules.js';
import { describeEntry, money } from './billing.service.js';
import { renderStatementPdf } from './statement-pdf.js';

export { previousMonth };

/** The email of an issued statement: that it is ready, and a link. No amounts, no services. */
export function statementEmail(to: string, settings: { publicUrl: string; clinicName: string }) {
  return composeEmail({
    template: 'billing-statement',
    to,
    subject: `Your statement from ${settings.clinicName} is ready`,
    paragraphs: [
      'A new billing statement is ready in your patient portal.',
      'Sign in to see it. For your privacy, this email does not include any details of your bill.',
    ],
    action: { label: 'See your bills', url: `${settings.publicUrl}/billing` },
    clinicName: settings.clinicName,
  });
}

const INSURANCE: EntryKind[] = ['insurance-payment', 'insurance-adjustment'];
const PATIENT: EntryKind[] = ['patient-payment', 'write-off'];

/** A batch's job id: the same accounts of the same run are one job, however often queued. */
export function statementBatchJobId(runId: string, accountIds: string[]): string {
  const digest = createHash('sha256').update(accountIds.join(',')).digest('hex').slice(0, 24);
  return `statements-${runId}-${digest}`;
}

/**
 * Statements: each one a snapshot of what an account's period itemized and its totals, frozen
 * at issue (the database refuses to change one), with a code the patient quotes. A run is
 * previewed, then issued once per period: the run row is unique per period, batches of
 * accounts go out as jobs carrying ids only, and each account's statement is unique per
 * period, so a retried run, a repeated job or a second click issues nothing twice.
 */
@Injectable()
export class StatementsService {
  private readonly logger = new Logger('billing');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: BillingRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private checkPeriod(period: StatementPeriod): void {
    if (period.periodEnd < period.periodStart) {
      throw validationProblem([
        { field: 'periodEnd', message: 'The period must end on or after its first day.' },
      ]);
    }
    if (period.periodEnd >= this.clock.now().toISOString().slice(0, 10)) {
      throw new StatementPeriodNotOverError();
    }
  }

  async preview(period: StatementPeriod, by: Accessor): Promise<StatementRunPreview> {
    this.checkPeriod(period);
    const candidates = await this.repository.statementCandidates(this.db, period.periodEnd);
    const issued = await this.repository.issuedCount(this.db, period.periodStart, period.periodEnd);
    await this.audit.recordSuccess(by, 'statement-run.preview', { resourceType: 'statement-run' });
    return {
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      accounts: candidates.length,
      totalDue: money(candidates.reduce((sum, c) => sum + minorUnits(c.balance), 0)),
      alreadyIssued: issued,
    };
  }

  /**
   * Starts the period's run, once. Asked again (a retry, a second click, the schedule after a
   * manual run), it answers the run there is and queues again only the accounts that still
   * have no statement of the period, which heals a crash between the run and its jobs.
   */
  async issue(period: StatementPeriod, by: Accessor | null): Promise<StatementRunView> {
    this.checkPeriod(period);
    const candidates = await this.repository.statementCandidates(this.db, period.periodEnd);
    const created = await this.db.transaction(async (tx) => {
      const made = await this.repository.insertRun(tx, {
        id: newId(),
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
        accountCount: candidates.length,
        requestedBy: by?.principal.accountId ?? null,
        scheduled: by === null,
        now: this.clock.now(),
      });
      if (made && by) {
        await this.audit.recordSuccess(
          by,
          'statement-run.issue',
          { resourceType: 'statement-run' },
          tx,
        );
      }
      return made;
    });
    const run = (await this.repository.runOf(this.db, period.periodStart, period.periodEnd))!;
    const waiting = (await this.db.query(
      `SELECT a.account_id FROM unnest($1::uuid[]) AS a (account_id)
        WHERE NOT EXISTS (SELECT 1 FROM statement s WHERE s.account_id = a.account_id
                            AND s.period_start = $2 AND s.period_end = $3)
        ORDER BY a.account_id`,
      [candidates.map((c) => c.account_id), period.periodStart, period.periodEnd],
    )) as { account_id: string }[];
    const ids = waiting.map((row) => row.account_id);
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += STATEMENT_BATCH_SIZE)
      batches.push(ids.slice(i, i + STATEMENT_BATCH_SIZE));
    await this.queue.enqueueMany(
      'billing.issue-statements',
      batches.map((accountIds) => ({
        payload: { runId: run.id, accountIds },
        options: { jobId: statementBatchJobId(run.id, accountIds) },
      })),
    );
    this.logger.log({ runId: run.id, batches: batches.length }, 'statement run queued');
    return {
      id: run.id,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      accounts: run.account_count,
      created,
      createdAt: run.created_at.toISOString(),
    };
  }

  /**
   * Issues the run's statement to each account of a batch (a job's work): each in its own
   * transaction with its email; an account that has one for the period gets nothing new, and
   * its recorded email is handed to the queue again (which skips a sent one).
   */
  async issueBatch(
    runId: string,
    accountIds: string[],
    options: { email?: boolean; issuedAt?: Date } = {},
  ): Promise<void> {
    const period = await this.repository.runPeriod(this.db, runId);
    if (!period) return;
    for (const accountId of accountIds) {
      const deliveryId = await this.db.transaction(async (tx) => {
        const source = await this.repository.statementSource(
          tx,
          accountId,
          period.period_start,
          period.period_end,
        );
        if (!source) return null;
        const lines: StatementSnapshot['lines'] = source.lines.map((line) => ({
          entryId: line.id,
          date: line.effective_date,
          kind: line.kind,
          corrects: line.reverses_kind,
          description: describeEntry(line),
          amount: minorUnits(line.receivable),
        }));
        const sum = (kinds: EntryKind[]) =>
          source.lines
            .filter((l) => kinds.includes(l.category))
            .reduce((total, l) => total + minorUnits(l.receivable), 0);
        const newCharges = sum(['charge', 'refund']);
        const insurance = -sum(INSURANCE);
        const patientCredits = -sum(PATIENT);
        const balance = source.previous + newCharges - insurance - patientCredits;
        const now = options.issuedAt ?? this.clock.now();
        const name = [
          source.patient.preferred_name ?? source.patient.given_name,
          source.patient.family_name,
        ].join(' ');
        const statement = await this.repository.insertStatement(tx, {
          id: newId(),
          account_id: accountId,
          run_id: runId,
          period_start: period.period_start,
          period_end: period.period_end,
          code: statementCode(randomBytes(8)),
          issued_at: now,
          due_date: addDays(now.toISOString().slice(0, 10), STATEMENT_DUE_DAYS),
          currency: source.currency,
          previous_balance: String(source.previous),
          new_charges: String(newCharges),
          insurance_credits: String(insurance),
          patient_credits: String(patientCredits),
          balance: String(balance),
          snapshot: {
            patient: { name, mrn: source.patient.mrn, address: source.patient.address },
            lines,
          },
        });
        if (!statement.created) return this.repository.statementEmail(tx, statement.id);
        await this.audit.record(
          {
            action: 'billing.statement.issue',
            outcome: 'success',
            actor: null,
            patientId: source.patient.id,
            resourceType: 'statement',
            resourceId: statement.id,
          },
          tx,
        );
        if (!source.patient.email || options.email === false) return null;
        const id = await this.mail.record(statementEmail(source.patient.email, this.config), tx);
        await this.repository.setStatementEmail(tx, statement.id, id);
        return id;
      });
      if (deliveryId) await this.mail.dispatch(deliveryId);
    }
  }

  /**
   * Statements issued in the past, without emails (the demo's history): the period's run and
   * each account's statement, as the run would have issued them on `issuedAt`.
   */
  async issueAsOf(period: StatementPeriod, accountIds: string[], issuedAt: Date): Promise<void> {
    await this.db.transaction((tx) =>
      this.repository.insertRun(tx, {
        id: newId(),
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
        accountCount: accountIds.length,
        requestedBy: null,
        scheduled: true,
        now: issuedAt,
      }),
    );
    const run = (await this.repository.runOf(this.db, period.periodStart, period.periodEnd))!;
    await this.issueBatch(run.id, accountIds, { email: false, issuedAt });
  }

  // ---- Reading statements ----

  private async accountId(patientId: string): Promise<string | null> {
    const ref = await this.repository.accountOf(this.db, patientId);
    if (!ref) throw new PatientNotFoundError();
    return ref.account_id;
  }

  async list(patientId: string, query: StatementPageQuery, by: Accessor): Promise<StatementPage> {
    const accountId = await this.accountId(patientId);
    const after = query.cursor ? (decodeCursor(query.cursor, 'instant') as [string, string]) : null;
    const rows = accountId
      ? await this.repository.statementPage(this.db, accountId, query.limit, after)
      : [];
    await this.audit.recordSuccess(by, 'billing.statements.read', {
      patientId,
      resourceType: 'billing-account',
      resourceId: accountId ?? undefined,
    });
    const page = pageOf(rows, query.limit, (row) => [row.sort_key, row.id]);
    return { items: page.items.map(statementView), nextCursor: page.nextCursor };
  }

  async pdf(
    patientId: string,
    statementId: string,
    by: Accessor,
  ): Promise<{ fileName: string; bytes: Buffer }> {
    const accountId = await this.accountId(patientId);
    const statement = accountId
      ? await this.repository.statementOf(this.db, accountId, statementId)
      : null;
    if (!statement) throw new StatementNotFoundError();
    const bytes = await renderStatementPdf(statement, this.config.clinicName);
    await this.audit.recordSuccess(by, 'billing.statement.pdf', {
      patientId,
      resourceType: 'statement',
      resourceId: statement.id,
    });
    return { fileName: `statement-${statement.code}.pdf`, bytes };
  }
}

export function statementView(row: StatementRow): StatementView {
  const currency = row.currency ?? BILLING_CURRENCY;
  return {
    id: row.id,
    code: row.code,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    issuedAt: row.issued_at.toISOString(),
    dueDate: row.due_date,
    previousBalance: money(row.previous_balance, currency),
    newCharges: money(row.new_charges, currency),
    insuranceCredits: money(row.insurance_credits, currency),
    patientCredits: money(row.patient_credits, currency),
    balance: money(row.balance, currency),
  };
}
