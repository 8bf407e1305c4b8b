import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../../common/pager.js';
import {
  OBSERVATION_COLUMNS,
  reportSelect,
  type ObservationRow,
  type ReportRow,
  type ReviewRow,
} from './result-rows.js';
import type {
  ObservationCategory,
  ObservationDraft,
  ReportCategory,
  ResultStatus,
} from './observation-rules.js';
import type { ImportFormat, ReleaseMode } from './results.dto.js';

/** A report's own columns, as checked. */
export interface ReportFields {
  patientId: string;
  category: ReportCategory;
  code: string | null;
  title: string;
  status: ResultStatus;
  effectiveAt: Date;
  orderingProviderId: string | null;
  narrative: string | null;
}

/** A checked report about to be stored, with its id and whether it is released at once. */
export interface NewReportRow {
  id: string;
  released: boolean;
  abnormal: boolean;
  draft: ReportFields & { attachment: { name: string } | null };
}

/** A checked observation about to be stored, with its id. */
export type NewObservationRow = ObservationDraft & {
  id: string;
  patientId: string;
  reportId: string | null;
  effectiveAt: Date;
};

/**
 * The one rule of what a patient sees of their results: a report once released, never one
 * entered in error. Every query a patient's read runs (here, and the record export) applies
 * it through this fragment; `alias` is the result_report alias of the query.
 */
export function patientSeesReport(alias: string): string {
  return `${alias}.release_state = 'released' AND ${alias}.status <> 'entered-in-error'`;
}

/** An observation a patient sees: not entered in error, and on a report they see (or none). */
export function patientSeesObservation(alias: string): string {
  return `${alias}.status <> 'entered-in-error'
  AND (${alias}.report_id IS NULL OR EXISTS (
    SELECT 1 FROM result_report vr WHERE vr.id = ${alias}.report_id AND ${patientSeesReport('vr')}))`;
}

/** A date range on a timestamp column, in whole UTC days. */
function dateRange(
  where: string[],
  args: unknown[],
  column: string,
  range: { from?: string; to?: string },
): void {
  if (range.from) {
    args.push(range.from);
    where.push(`${column} >= $${args.length}::date::timestamp AT TIME ZONE 'UTC'`);
  }
  if (range.to) {
    args.push(range.to);
    where.push(`${column} < ($${args.length}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  }
}

/** A patient's reports, filtered (ResultsService.list). */
export interface ReportFilter {
  category?: ReportCategory;
  from?: string;
  to?: string;
  abnormal?: boolean;
  limit: number;
  cursor?: string;
}

/** Rows after a cursor's position, newest first: `(time, id) < (cursor time, cursor id)`. */
function before(where: string[], args: unknown[], alias: string, cursor: string | undefined): void {
  if (!cursor) return;
  args.push(...decodeCursor(cursor, 'instant'));
  where.push(
    `(${alias}.effective_at, ${alias}.id) < ($${args.length - 1}::timestamptz, $${args.length}::uuid)`,
  );
}

/** The reads of result_report and observation. Each returns `limit + 1` rows for the pager. */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A patient's reports, newest first. */
  listReports(patientId: string, filter: ReportFilter, patientView: boolean): Promise<ReportRow[]> {
    const args: unknown[] = [patientId, filter.limit + 1];
    const where = ['r.patient_id = $1'];
    if (patientView) where.push(patientSeesReport('r'));
    if (filter.category) {
      args.push(filter.category);
      where.push(`r.category = $${args.length}`);
    }
    if (filter.abnormal !== undefined) {
      args.push(filter.abnormal);
      where.push(`r.abnormal = $${args.length}`);
    }
    dateRange(where, args, 'r.effective_at', filter);
    before(where, args, 'r', filter.cursor);
    return this.db.query(
      `${reportSelect(patientView)}
        WHERE ${where.join(' AND ')}
        ORDER BY r.effective_at DESC, r.id DESC
        LIMIT $2`,
      args,
    );
  }

  /** One report of the patient, if the caller sees it. */
  async findReport(
    patientId: string,
    reportId: string,
    patientView: boolean,
  ): Promise<ReportRow | undefined> {
    const [row] = (await this.db.query(
      `${reportSelect(patientView)}
        WHERE r.id = $1 AND r.patient_id = $2 ${patientView ? `AND ${patientSeesReport('r')}` : ''}`,
      [reportId, patientId],
    )) as ReportRow[];
    return row;
  }

  /** A report's observations in time order (for a patient, none entered in error). */
  observationsOf(reportId: string, patientView: boolean): Promise<ObservationRow[]> {
    return this.db.query(
      `SELECT ${OBSERVATION_COLUMNS} FROM observation o
        WHERE o.report_id = $1 ${patientView ? `AND o.status <> 'entered-in-error'` : ''}
        ORDER BY o.effective_at, o.id`,
      [reportId],
    );
  }

  /** Marks a report seen by its patient, once. */
  async markFirstViewed(reportId: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE result_report SET first_viewed_at = $2 WHERE id = $1 AND first_viewed_at IS NULL`,
      [reportId, at],
    );
  }

  async attachment(
    patientId: string,
    reportId: string,
    patientView: boolean,
  ): Promise<{ attachment_name: string | null; attachment_pdf: Buffer | null } | undefined> {
    const [row] = (await this.db.query(
      `SELECT r.attachment_name, r.attachment_pdf FROM result_report r
        WHERE r.id = $1 AND r.patient_id = $2 ${patientView ? `AND ${patientSeesReport('r')}` : ''}`,
      [reportId, patientId],
    )) as { attachment_name: string | null; attachment_pdf: Buffer | null }[];
    return row;
  }

  /** The newest `limit` values of one test, newest first. */
  trend(patientId: string, code: string, limit: number, patientView: boolean) {
    return this.db.query(
      `SELECT ${OBSERVATION_COLUMNS} FROM observation o
        WHERE o.patient_id = $1 AND o.code = $2 ${patientView ? `AND ${patientSeesObservation('o')}` : ''}
        ORDER BY o.effective_at DESC, o.id DESC
        LIMIT $3`,
      [patientId, code, limit],
    ) as Promise<ObservationRow[]>;
  }

  /** A patient's vital signs, newest first. */
  listVitals(
    patientId: string,
    filter: { code?: string; from?: string; to?: string; limit: number; cursor?: string },
    patientView: boolean,
  ): Promise<ObservationRow[]> {
    const args: unknown[] = [patientId, filter.limit + 1];
    const where = [`o.patient_id = $1`, `o.category = 'vital-signs'`];
    if (patientView) where.push(`o.status <> 'entered-in-error'`);
    if (filter.code) {
      args.push(filter.code);
      where.push(`o.code = $${args.length}`);
    }
    dateRange(where, args, 'o.effective_at', filter);
    before(where, args, 'o', filter.cursor);
    return this.db.query(
      `SELECT ${OBSERVATION_COLUMNS} FROM observation o
        WHERE ${where.join(' AND ')}
        ORDER BY o.effective_at DESC, o.id DESC
        LIMIT $2`,
      args,
    );
  }

  /** An observation of a report of the patient, if there is one. */
  async observationExists(
    patientId: string,
    reportId: string,
    observationId: string,
  ): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT id FROM observation WHERE id = $1 AND report_id = $2 AND patient_id = $3`,
      [observationId, reportId, patientId],
    )) as { id: string }[];
    return rows.length > 0;
  }

  /** Held reports across patients, oldest first, with the queue's size and oldest. */
  async reviewQueue(filter: { limit: number; cursor?: string }) {
    const args: unknown[] = [filter.limit + 1];
    const where = [`r.release_state = 'held'`];
    if (filter.cursor) {
      args.push(...decodeCursor(filter.cursor, 'instant'));
      where.push(`(r.issued_at, r.id) > ($2::timestamptz, $3::uuid)`);
    }
    const [rows, totals] = await Promise.all([
      this.db.query(
        `SELECT q.*, pt.mrn,
                coalesce(pt.preferred_name, pt.given_name) || ' ' || pt.family_name AS patient_name
           FROM (${reportSelect(false, 'r.issued_at')}
                  WHERE ${where.join(' AND ')}
                  ORDER BY r.issued_at, r.id
                  LIMIT $1) q
           JOIN patient pt ON pt.id = q.patient_id
          ORDER BY q.issued_at, q.id`,
        args,
      ) as Promise<ReviewRow[]>,
      this.db.query(
        `SELECT count(*)::int AS total, min(issued_at) AS oldest
           FROM result_report WHERE release_state = 'held'`,
      ) as Promise<{ total: number; oldest: Date | null }[]>,
    ]);
    return { rows, total: totals[0]?.total ?? 0, oldest: totals[0]?.oldest ?? null };
  }

  // --- writes, inside the caller's transaction ---------------------------------------------

  /** The release policy, category by category. */
  releasePolicy(
    manager: EntityManager = this.db.manager,
  ): Promise<{ category: ReportCategory; mode: ReleaseMode; updated_at: Date }[]> {
    return manager.query(
      `SELECT category, mode, updated_at FROM result_release_policy ORDER BY category`,
    );
  }

  async setReleaseModes(
    manager: EntityManager,
    items: { category: ReportCategory; mode: ReleaseMode }[],
    accountId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE result_release_policy p
          SET mode = x.mode, updated_by = $2, updated_at = $3
         FROM jsonb_to_recordset($1::jsonb) AS x(category text, mode text)
        WHERE p.category = x.category`,
      [JSON.stringify(items), accountId, now],
    );
  }

  async providerExists(providerId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM provider WHERE id = $1`, [
      providerId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** New reports in one statement, released or held as decided. */
  async insertReports(
    manager: EntityManager,
    reports: NewReportRow[],
    accountId: string,
    now: Date,
    importId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO result_report (id, patient_id, category, code, title, status, effective_at,
                issued_at, ordering_provider_id, narrative, attachment_name, release_state,
                released_at, released_by, abnormal, import_id, version, recorded_by, recorded_at,
                updated_by, updated_at)
         SELECT x.id, x.patient_id, x.category, x.code, x.title, x.status, x.effective_at, $2,
                x.ordering_provider_id, x.narrative, x.attachment_name,
                CASE WHEN x.released THEN 'released' ELSE 'held' END,
                CASE WHEN x.released THEN $2::timestamptz END,
                CASE WHEN x.released THEN $3::uuid END,
                x.abnormal, $4, 1, $3, $2, $3, $2
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, patient_id uuid, category text,
                code text, title text, status text, effective_at timestamptz,
                ordering_provider_id uuid, narrative text, attachment_name text, released boolean,
                abnormal boolean)`,
      [
        JSON.stringify(
          reports.map(({ draft, id, released, abnormal }) => ({
            id,
            patient_id: draft.patientId,
            category: draft.category,
            code: draft.code,
            title: draft.title,
            status: draft.status,
            effective_at: draft.effectiveAt.toISOString(),
            ordering_provider_id: draft.orderingProviderId,
            narrative: draft.narrative,
            attachment_name: draft.attachment?.name ?? null,
            released,
            abnormal,
          })),
        ),
        now,
        accountId,
        importId,
      ],
    );
  }

  async setAttachment(manager: EntityManager, reportId: string, pdf: Buffer): Promise<void> {
    await manager.query(`UPDATE result_report SET attachment_pdf = $2 WHERE id = $1`, [
      reportId,
      pdf,
    ]);
  }

  /** New observations in one statement (each row carries its new id). */
  async insertObservations(
    manager: EntityManager,
    withIds: NewObservationRow[],
    category: ObservationCategory,
    accountId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO observation (id, patient_id, report_id, category, code, display,
                code_system_version, value_quantity, value_text, unit, reference_low,
                reference_high, reference_text, interpretation, status, effective_at, version,
                recorded_by, recorded_at, updated_by, updated_at)
         SELECT x.id, x.patient_id, x.report_id, $2, x.code, x.display, x.code_system_version,
                x.value_quantity, x.value_text, x.unit, x.reference_low, x.reference_high,
                x.reference_text, x.interpretation, x.status, x.effective_at, 1, $3, $4, $3, $4
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, patient_id uuid, report_id uuid,
                code text, display text, code_system_version text, value_quantity numeric,
                value_text text, unit text, reference_low numeric, reference_high numeric,
                reference_text text, interpretation text, status text, effective_at timestamptz)`,
      [
        JSON.stringify(
          withIds.map((row) => ({
            id: row.id,
            patient_id: row.patientId,
            report_id: row.reportId,
            code: row.code,
            display: row.display,
            code_system_version: row.codeSystemVersion,
            value_quantity: row.valueQuantity,
            value_text: row.valueText,
            unit: row.unit,
            reference_low: row.referenceLow,
            reference_high: row.referenceHigh,
            reference_text: row.referenceText,
            interpretation: row.interpretation,
            status: row.status,
            effective_at: row.effectiveAt.toISOString(),
          })),
        ),
        category,
        accountId,
        now,
      ],
    );
  }

  observationsById(ids: string[]): Promise<ObservationRow[]> {
    return this.db.query(
      `SELECT ${OBSERVATION_COLUMNS} FROM observation o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id`,
      [ids],
    );
  }

  /** A report's version and release state, locked for a change; null when not the patient's. */
  async lockReportState(
    manager: EntityManager,
    patientId: string,
    reportId: string,
  ): Promise<{ id: string; version: number; release_state: string } | null> {
    const [row] = (await manager.query(
      `SELECT id, version, release_state FROM result_report
        WHERE id = $1 AND patient_id = $2 FOR UPDATE`,
      [reportId, patientId],
    )) as { id: string; version: number; release_state: string }[];
    return row ?? null;
  }

  async markReleased(
    manager: EntityManager,
    reportId: string,
    now: Date,
    accountId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE result_report
          SET release_state = 'released', released_at = $2, released_by = $3
        WHERE id = $1`,
      [reportId, now, accountId],
    );
  }

  /** One value of a report, locked for a correction; null when not there. */
  async lockObservation(
    manager: EntityManager,
    patientId: string,
    reportId: string,
    observationId: string,
  ): Promise<(ObservationRow & Record<string, unknown>) | null> {
    const [row] = (await manager.query(
      `SELECT o.*, ${OBSERVATION_COLUMNS} FROM observation o
        WHERE o.id = $1 AND o.report_id = $2 AND o.patient_id = $3 FOR UPDATE`,
      [observationId, reportId, patientId],
    )) as (ObservationRow & Record<string, unknown>)[];
    return row ?? null;
  }

  async updateObservation(
    manager: EntityManager,
    observationId: string,
    next: ObservationDraft,
    accountId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE observation
          SET value_quantity = $2, value_text = $3, unit = $4, reference_low = $5,
              reference_high = $6, interpretation = $7, status = $8,
              version = version + 1, updated_by = $9, updated_at = $10
        WHERE id = $1`,
      [
        observationId,
        next.valueQuantity,
        next.valueText,
        next.unit,
        next.referenceLow,
        next.referenceHigh,
        next.interpretation,
        next.status,
        accountId,
        now,
      ],
    );
  }

  /** A report as staff see it, locked for a change. */
  async lockReport(manager: EntityManager, reportId: string): Promise<ReportRow | null> {
    const [row] = (await manager.query(`${reportSelect(false)} WHERE r.id = $1 FOR UPDATE OF r`, [
      reportId,
    ])) as ReportRow[];
    return row ?? null;
  }

  /** After a value's correction: the report is corrected, its abnormal flag worked out again. */
  async markReportCorrected(
    manager: EntityManager,
    reportId: string,
    accountId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE result_report r
          SET status = CASE WHEN r.status = 'entered-in-error' THEN r.status ELSE 'corrected' END,
              abnormal = EXISTS (
                SELECT 1 FROM observation o
                 WHERE o.report_id = r.id AND o.status <> 'entered-in-error'
                   AND o.interpretation IS NOT NULL AND o.interpretation <> 'N'),
              version = r.version + 1, updated_by = $2, updated_at = $3
        WHERE r.id = $1`,
      [reportId, accountId, now],
    );
  }

  /** The email addresses on file of these patients (those who have one). */
  async emailsOf(manager: EntityManager, patientIds: string[]): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT email FROM patient WHERE id = ANY($1::uuid[]) AND email IS NOT NULL AND email <> ''`,
      [patientIds],
    )) as { email: string }[];
    return rows.map((row) => row.email);
  }

  /** Patient ids by MRN, for the MRNs that name a patient. */
  patientsByMrn(mrns: string[]): Promise<{ id: string; mrn: string }[]> {
    return this.db.query(`SELECT id, mrn FROM patient WHERE mrn = ANY($1::text[])`, [mrns]);
  }

  async insertImport(
    manager: EntityManager,
    row: {
      id: string;
      format: ImportFormat;
      fileName: string | null;
      reportCount: number;
      observationCount: number;
      importedBy: string | null;
      importedAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO result_import (id, format, file_name, report_count, observation_count,
              imported_by, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.id,
        row.format,
        row.fileName,
        row.reportCount,
        row.observationCount,
        row.importedBy,
        row.importedAt,
      ],
    );
  }
}
