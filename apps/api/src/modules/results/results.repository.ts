import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor } from '../../common/pager.js';
import {
  OBSERVATION_COLUMNS,
  reportSelect,
  type ObservationRow,
  type ReportRow,
  type ReviewRow,
} from './result-rows.js';
import type { ReportCategory } from './observation-rules.js';

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
}
