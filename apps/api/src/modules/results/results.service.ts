import type { AuditAction } from '../audit/audit.service.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { FieldError } from '../../common/problem.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { Accessor } from '../../common/principal.js';
import { RevisionService } from '../records/revisions.service.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import { loincCatalog } from './loinc-catalog.js';
import {
  checkObservation,
  interpret,
  isAbnormal,
  type LoincCatalog,
  type ObservationCategory,
  type ObservationDraft,
  type RawObservation,
  type ReportCategory,
  type ResultStatus,
} from './observation-rules.js';
import { resultAvailableEmail } from './result-emails.js';
import { ResultsRepository, type ReportFields, type ReportFilter } from './results.repository.js';

/** For the record export: the one rule of which results a patient sees. */
export { patientSeesObservation, patientSeesReport } from './results.repository.js';
import { pageOf } from '../../common/pager.js';
import {
  cursorKey,
  toObservationView,
  toReportSummary,
  toReportView,
  toReviewItem,
  toTrendPoint,
  type ObservationRow,
  type ReportRow,
} from './result-rows.js';
import {
  ATTACHMENT_MAX_BYTES,
  type ObservationPage,
  type ObservationTrend,
  type ObservationView,
  type ReleaseMode,
  type ReleasePolicy,
  type ReportPage,
  type ReportView,
  type ReviewQueuePage,
  type RevisionHistory,
  type UpdateObservationRequest,
} from './results.dto.js';
import {
  AlreadyReleasedError,
  AttachmentNotFoundError,
  ObservationNotFoundError,
  RecordChangedError,
  ResultNotFoundError,
} from './results.errors.js';

/** A report ready to store: checked, with its observations. */
export interface ReportDraft extends ReportFields {
  attachment: { name: string; pdf: Buffer } | null;
  observations: ObservationDraft[];
}

export interface NewResult {
  category: ReportCategory;
  code?: string | null;
  title: string;
  status: ResultStatus;
  effectiveAt: string;
  orderingProviderId?: string | null;
  narrative?: string | null;
  attachment?: { name: string; contentBase64: string };
  observations: Record<string, unknown>[];
}

/** What a batch of stored reports needs after the commit: the emails to hand to the queue. */
export interface Stored {
  reportIds: string[];
  observationCount: number;
  mailIds: string[];
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Test results and vital signs: the only writer of result_report, observation and
 * result_release_policy. Reads for patients show released reports only, and never anything
 * entered in error. Each list or trend costs a fixed number of statements whatever the
 * history's length (one page query, one audit row).
 */
@Injectable()
export class ResultsService {
  private readonly logger = new Logger('results');
  readonly catalog: LoincCatalog;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: ResultsRepository,
    private readonly terminology: TerminologyService,
    private readonly revisions: RevisionService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.catalog = loincCatalog(terminology);
  }

  // --- reads ------------------------------------------------------------------------------

  async list(patientId: string, query: ReportFilter, by: Accessor): Promise<ReportPage> {
    const patientView = by.principal.kind === 'patient';
    const rows = await this.rows.listReports(patientId, query, patientView);
    const { items: page, nextCursor } = pageOf(rows, query.limit, cursorKey);
    await this.auditRead('result.list', patientId, 'result_report', undefined, by);
    return {
      items: page.map((row) => toReportSummary(row, patientView)),
      nextCursor,
    };
  }

  /** One report with its observations; a patient's first look clears its "new" mark. */
  async get(patientId: string, reportId: string, by: Accessor): Promise<ReportView> {
    const patientView = by.principal.kind === 'patient';
    const row = await this.findReport(patientId, reportId, patientView);
    const observations = await this.rows.observationsOf(row.id, patientView);
    if (patientView && row.first_viewed_at === null) {
      const now = this.clock.now();
      await this.rows.markFirstViewed(row.id, now);
      row.first_viewed_at = now;
    }
    await this.auditRead('result.read', patientId, 'result_report', row.id, by);
    return toReportView(row, observations, patientView);
  }

  async attachment(
    patientId: string,
    reportId: string,
    by: Accessor,
  ): Promise<{ name: string; pdf: Buffer }> {
    const patientView = by.principal.kind === 'patient';
    const row = await this.rows.attachment(patientId, reportId, patientView);
    if (!row) throw new ResultNotFoundError();
    if (!row.attachment_pdf) throw new AttachmentNotFoundError();
    await this.auditRead('result.attachment', patientId, 'result_report', reportId, by);
    return { name: row.attachment_name ?? 'result.pdf', pdf: row.attachment_pdf };
  }

  /** The newest `limit` values of one test, oldest first, with the list's range and unit. */
  async trend(
    patientId: string,
    query: { code: string; limit: number },
    by: Accessor,
  ): Promise<ObservationTrend> {
    const entry = this.catalog.find(query.code);
    if (!entry) {
      throw validationProblem([{ field: 'code', message: `Unknown LOINC code ${query.code}.` }]);
    }
    const patientView = by.principal.kind === 'patient';
    const rows = await this.rows.trend(patientId, entry.code, query.limit, patientView);
    await this.auditRead('observation.trend', patientId, 'observation', undefined, by);
    return {
      code: entry.code,
      display: entry.display,
      plainName: this.terminology.plainName('loinc', entry.code),
      unit: entry.unit,
      referenceLow: entry.referenceLow,
      referenceHigh: entry.referenceHigh,
      points: rows.reverse().map(toTrendPoint),
    };
  }

  async listVitals(
    patientId: string,
    query: { code?: string; from?: string; to?: string; limit: number; cursor?: string },
    by: Accessor,
  ): Promise<ObservationPage> {
    const patientView = by.principal.kind === 'patient';
    const rows = await this.rows.listVitals(patientId, query, patientView);
    const { items: page, nextCursor } = pageOf(rows, query.limit, cursorKey);
    await this.auditRead('vital.list', patientId, 'observation', undefined, by);
    return {
      items: page.map(toObservationView),
      nextCursor,
    };
  }

  async history(
    patientId: string,
    reportId: string,
    observationId: string,
    by: Accessor,
  ): Promise<RevisionHistory> {
    if (!(await this.rows.observationExists(patientId, reportId, observationId))) {
      throw new ObservationNotFoundError();
    }
    const items = await this.revisions.history('observation', observationId);
    await this.auditRead('observation.history', patientId, 'observation', observationId, by);
    return { items };
  }

  /** Held reports, oldest first, across patients: the providers' work list. */
  async reviewQueue(
    query: { limit: number; cursor?: string },
    by: Accessor,
  ): Promise<ReviewQueuePage> {
    const { rows, total, oldest } = await this.rows.reviewQueue(query);
    const { items: page, nextCursor } = pageOf(rows, query.limit, cursorKey);
    // One row per patient on the page, so each sees it in their access log; one INSERT.
    const entries: AuditEntry[] = page.map((row) => ({
      action: 'result.review-queue',
      outcome: 'success',
      actor: by.principal,
      patientId: row.patient_id,
      resourceType: 'result_report',
      resourceId: row.id,
      context: by.context,
    }));
    if (entries.length) await this.audit.recordMany(entries);
    else {
      await this.audit.recordSuccess(by, 'result.review-queue', { resourceType: 'result_report' });
    }
    return {
      items: page.map(toReviewItem),
      nextCursor,
      total,
      oldestIssuedAt: oldest?.toISOString() ?? null,
    };
  }

  async policy(by: Accessor): Promise<ReleasePolicy> {
    const rows = await this.rows.releasePolicy();
    await this.audit.recordSuccess(by, 'result-release-policy.read', {
      resourceType: 'result_release_policy',
    });
    return {
      items: rows.map((row) => ({
        category: row.category,
        mode: row.mode,
        updatedAt: row.updated_at.toISOString(),
      })),
    };
  }

  /**
   * Changes how new reports of a category are released. Reports already held stay held until
   * a provider releases them: switching to immediate releases nothing by itself.
   */
  async updatePolicy(
    items: { category: ReportCategory; mode: ReleaseMode }[],
    by: Accessor,
  ): Promise<ReleasePolicy> {
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    items.forEach((item, index) => {
      if (seen.has(item.category)) {
        errors.push({
          field: `items[${index}].category`,
          message: `Give ${item.category} only once.`,
        });
      }
      seen.add(item.category);
    });
    if (errors.length) throw validationProblem(errors);
    await this.db.transaction(async (manager) => {
      await this.rows.setReleaseModes(manager, items, by.principal.accountId, this.clock.now());
      await this.audit.recordSuccess(
        by,
        'result-release-policy.update',
        { resourceType: 'result_release_policy' },
        manager,
      );
    });
    return this.policy(by);
  }

  // --- changes ----------------------------------------------------------------------------

  /** Checks a new report against the LOINC list and stores it, released per its category. */
  async create(patientId: string, input: NewResult, by: Accessor): Promise<ReportView> {
    const errors: FieldError[] = [];
    const observations = input.observations.map((raw, index) =>
      checkObservation(
        raw as RawObservation,
        (name) => `observations[${index}].${name}`,
        this.catalog,
        errors,
      ),
    );
    const code = input.code ?? null;
    if (code && !this.catalog.find(code)) {
      errors.push({ field: 'code', message: `Unknown LOINC code ${code}.` });
    }
    let attachment: ReportDraft['attachment'] = null;
    if (input.attachment) {
      const pdf = Buffer.from(input.attachment.contentBase64, 'base64');
      if (pdf.length > ATTACHMENT_MAX_BYTES) {
        errors.push({
          field: 'attachment.contentBase64',
          message: 'Attach a PDF of at most 5 MB.',
        });
      } else if (pdf.length < PDF_MAGIC.length || !pdf.subarray(0, 5).equals(PDF_MAGIC)) {
        errors.push({ field: 'attachment.contentBase64', message: 'Attach a PDF file.' });
      } else {
        attachment = { name: input.attachment.name, pdf };
      }
    }
    if (input.orderingProviderId) {
      if (!(await this.rows.providerExists(input.orderingProviderId))) {
        errors.push({
          field: 'orderingProviderId',
          message: 'Choose the ordering provider from the list.',
        });
      }
    }
    if (errors.length) throw validationProblem(errors);
    const draft: ReportDraft = {
      patientId,
      category: input.category,
      code: code ? this.catalog.find(code)!.code : null,
      title: input.title,
      status: input.status,
      effectiveAt: new Date(input.effectiveAt),
      orderingProviderId: input.orderingProviderId ?? null,
      narrative: input.narrative ?? null,
      attachment,
      observations: observations as ObservationDraft[],
    };
    const stored = await this.audit.recordRefusal(
      () => this.refusal('result.create', by, patientId),
      () =>
        this.db.transaction(async (manager) => {
          const done = await this.store(manager, [draft], by, null);
          return done;
        }),
    );
    await this.dispatch(stored.mailIds);
    return this.viewAfterChange(patientId, stored.reportIds[0]!);
  }

  /**
   * Stores checked reports in a few statements whatever their number: the reports, their
   * observations, one audit row each, and one email per patient who can now read a result.
   * Runs inside the caller's transaction; call dispatch() with the mail ids after the commit.
   */
  async store(
    manager: EntityManager,
    drafts: ReportDraft[],
    by: Accessor,
    importId: string | null,
  ): Promise<Stored> {
    const now = this.clock.now();
    const policy = await this.modes(manager);
    const reports = drafts.map((draft) => {
      const released = policy.get(draft.category) !== 'review';
      return {
        draft,
        id: newId(),
        released,
        abnormal: draft.observations.some((o) => isAbnormal(o.interpretation)),
      };
    });
    await this.rows.insertReports(manager, reports, by.principal.accountId, now, importId);
    for (const { draft, id } of reports) {
      if (draft.attachment) await this.rows.setAttachment(manager, id, draft.attachment.pdf);
    }
    const observations = reports.flatMap(({ draft, id }) =>
      draft.observations.map((o) => ({
        ...o,
        patientId: draft.patientId,
        reportId: id,
        effectiveAt: o.effectiveAt ?? draft.effectiveAt,
      })),
    );
    await this.insertObservations(manager, observations, 'laboratory', by, now);
    await this.audit.recordMany(
      reports.map(({ draft, id }) => ({
        action: importId ? 'result.import' : 'result.create',
        outcome: 'success',
        actor: by.principal,
        patientId: draft.patientId,
        resourceType: 'result_report',
        resourceId: id,
        context: by.context,
      })),
      manager,
    );
    const notify = [...new Set(reports.filter((r) => r.released).map((r) => r.draft.patientId))];
    const mailIds = await this.recordEmails(manager, notify);
    return { reportIds: reports.map((r) => r.id), observationCount: observations.length, mailIds };
  }

  /** Vital signs, released at once: they are measured with the patient present. */
  async createVitals(
    patientId: string,
    input: { effectiveAt: string; observations: Record<string, unknown>[] },
    by: Accessor,
  ): Promise<{ items: ObservationView[] }> {
    const errors: FieldError[] = [];
    const drafts = input.observations.map((raw, index) => {
      const field = (name: string) => `observations[${index}].${name}`;
      const known = Object.keys(raw).filter(
        (key) => !['code', 'valueQuantity', 'unit'].includes(key),
      );
      for (const key of known)
        errors.push({ field: field(key), message: 'This field is not allowed.' });
      if (typeof raw.valueQuantity !== 'number') {
        errors.push({
          field: field('valueQuantity'),
          message: 'Enter the measurement as a number.',
        });
        return null;
      }
      const draft = checkObservation(raw as RawObservation, field, this.catalog, errors, ['final']);
      if (draft && this.catalog.find(draft.code)?.category !== 'vital-signs') {
        errors.push({
          field: field('code'),
          message: `${draft.code} is not a vital sign; record it with a test result.`,
        });
      }
      return draft;
    });
    if (errors.length) throw validationProblem(errors);
    const effectiveAt = new Date(input.effectiveAt);
    const ids = await this.audit.recordRefusal(
      () => this.refusal('vital.create', by, patientId),
      () =>
        this.db.transaction(async (manager) => {
          const now = this.clock.now();
          const rows = (drafts as ObservationDraft[]).map((draft) => ({
            ...draft,
            patientId,
            reportId: null,
            effectiveAt,
          }));
          const inserted = await this.insertObservations(manager, rows, 'vital-signs', by, now);
          await this.audit.recordMany(
            inserted.map((id) => ({
              action: 'vital.create',
              outcome: 'success',
              actor: by.principal,
              patientId,
              resourceType: 'observation',
              resourceId: id,
              context: by.context,
            })),
            manager,
          );
          return inserted;
        }),
    );
    const rows = await this.rows.observationsById(ids);
    return { items: rows.map(toObservationView) };
  }

  /** A provider lets the patient see a held report; the patient is told by email. */
  async release(
    patientId: string,
    reportId: string,
    version: number,
    by: Accessor,
  ): Promise<ReportView> {
    const mailIds = await this.audit.recordRefusal(
      () => this.refusal('result.release', by, patientId, reportId),
      () =>
        this.db.transaction(async (manager) => {
          const row = await this.rows.lockReportState(manager, patientId, reportId);
          if (!row) throw new ResultNotFoundError();
          if (row.version !== version) throw new RecordChangedError();
          if (row.release_state === 'released') throw new AlreadyReleasedError();
          await this.rows.markReleased(manager, reportId, this.clock.now(), by.principal.accountId);
          await this.audit.recordSuccess(
            by,
            'result.release',
            { patientId, resourceType: 'result_report', resourceId: reportId },
            manager,
          );
          return this.recordEmails(manager, [patientId]);
        }),
    );
    await this.dispatch(mailIds);
    return this.viewAfterChange(patientId, reportId);
  }

  /**
   * Corrects one value: its previous state goes to record_revision, its version bumps and its
   * status becomes corrected (or entered-in-error); the report is marked corrected too and
   * its abnormal flag worked out again. All in one transaction.
   */
  async updateObservation(
    patientId: string,
    reportId: string,
    observationId: string,
    input: UpdateObservationRequest,
    by: Accessor,
  ): Promise<ObservationView> {
    await this.audit.recordRefusal(
      () => this.refusal('observation.update', by, patientId, observationId, 'observation'),
      () =>
        this.db.transaction(async (manager) => {
          const current = await this.rows.lockObservation(
            manager,
            patientId,
            reportId,
            observationId,
          );
          if (!current) throw new ObservationNotFoundError();
          if (current.version !== input.version) throw new RecordChangedError();
          const next = this.corrected(current, input);
          const now = this.clock.now();
          await this.revisions.snapshot(manager, {
            patientId,
            resourceType: 'observation',
            resourceId: observationId,
            version: current.version,
            snapshot: toObservationView(current),
            reason: input.reason,
            changedBy: by.principal.accountId,
          });
          await this.rows.updateObservation(
            manager,
            observationId,
            next,
            by.principal.accountId,
            now,
          );
          const report = await this.rows.lockReport(manager, reportId);
          await this.revisions.snapshot(manager, {
            patientId,
            resourceType: 'result_report',
            resourceId: reportId,
            version: report!.version,
            snapshot: reportSnapshot(report!),
            reason: input.reason,
            changedBy: by.principal.accountId,
          });
          await this.rows.markReportCorrected(manager, reportId, by.principal.accountId, now);
          await this.audit.recordSuccess(
            by,
            'observation.update',
            { patientId, resourceType: 'observation', resourceId: observationId },
            manager,
          );
        }),
    );
    const [row] = await this.rows.observationsById([observationId]);
    return toObservationView(row!);
  }

  /** Hands committed emails to the mail queue; start-up re-queues any that miss it. */
  async dispatch(mailIds: string[]): Promise<void> {
    await this.mail
      .dispatchMany(mailIds)
      .catch((error: unknown) =>
        this.logger.error(
          { err: error, deliveryIds: mailIds },
          'result emails not queued; they will be queued at the next start',
        ),
      );
  }

  // --- helpers ----------------------------------------------------------------------------

  /** The new state of a corrected value, checked like a new one. */
  private corrected(current: ObservationRow, input: UpdateObservationRequest): ObservationDraft {
    const pick = <K extends keyof UpdateObservationRequest>(key: K, fallback: unknown) =>
      input[key] === undefined ? fallback : input[key];
    const num = (value: string | null) => (value === null ? null : Number(value));
    const valueQuantity = pick('valueQuantity', num(current.value_quantity));
    const valueText = pick(
      'valueText',
      input.valueQuantity !== undefined && input.valueQuantity !== null ? null : current.value_text,
    );
    const raw: RawObservation = {
      code: current.code,
      valueQuantity,
      valueText,
      unit: pick('unit', valueQuantity === null ? null : current.unit),
      referenceLow: pick('referenceLow', num(current.reference_low)),
      referenceHigh: pick('referenceHigh', num(current.reference_high)),
      referenceText: current.reference_text,
      // A new value or range is interpreted again unless the interpretation is given.
      interpretation: pick('interpretation', null),
      status: input.status ?? 'corrected',
    };
    const errors: FieldError[] = [];
    const draft = checkObservation(raw, (name) => name, this.catalog, errors, [
      'corrected',
      'entered-in-error',
    ]);
    if (!draft) throw validationProblem(errors);
    if (input.interpretation === undefined && draft.valueQuantity !== null) {
      draft.interpretation = interpret(
        draft.valueQuantity,
        draft.referenceLow,
        draft.referenceHigh,
      );
    }
    return draft;
  }

  private async insertObservations(
    manager: EntityManager,
    rows: (ObservationDraft & { patientId: string; reportId: string | null; effectiveAt: Date })[],
    category: ObservationCategory,
    by: Accessor,
    now: Date,
  ): Promise<string[]> {
    if (!rows.length) return [];
    const withIds = rows.map((row) => ({ ...row, id: newId() }));
    await this.rows.insertObservations(manager, withIds, category, by.principal.accountId, now);
    return withIds.map((row) => row.id);
  }

  /** One "a result is available" email per patient with an address on file. */
  private async recordEmails(manager: EntityManager, patientIds: string[]): Promise<string[]> {
    if (!patientIds.length) return [];
    const emails = await this.rows.emailsOf(manager, patientIds);
    return this.mail.recordMany(
      emails.map((email) => resultAvailableEmail(email, this.config)),
      manager,
    );
  }

  private async modes(manager: EntityManager): Promise<Map<ReportCategory, ReleaseMode>> {
    const rows = await this.rows.releasePolicy(manager);
    return new Map(rows.map((row) => [row.category, row.mode]));
  }

  private async findReport(
    patientId: string,
    reportId: string,
    patientView: boolean,
  ): Promise<ReportRow> {
    const row = await this.rows.findReport(patientId, reportId, patientView);
    if (!row) throw new ResultNotFoundError();
    return row;
  }

  /** The report as staff see it after a change (the caller is staff). */
  private async viewAfterChange(patientId: string, reportId: string): Promise<ReportView> {
    const row = await this.findReport(patientId, reportId, false);
    const observations = await this.rows.observationsOf(reportId, false);
    return toReportView(row, observations, false);
  }

  /** from/to are whole UTC days, both included. */
  private async auditRead(
    action: AuditAction,
    patientId: string,
    resourceType: string,
    resourceId: string | undefined,
    by: Accessor,
  ): Promise<void> {
    await this.audit.recordSuccess(by, action, { patientId, resourceType, resourceId });
  }

  private refusal(
    action: AuditAction,
    by: Accessor,
    patientId: string | undefined,
    resourceId?: string,
    resourceType = 'result_report',
  ): Omit<AuditEntry, 'outcome'> {
    return {
      action,
      actor: by.principal,
      patientId,
      resourceType,
      resourceId,
      context: by.context,
    };
  }
}

function reportSnapshot(row: ReportRow): Record<string, unknown> {
  return {
    status: row.status,
    title: row.title,
    abnormal: row.abnormal,
    releaseState: row.release_state,
    version: row.version,
  };
}
