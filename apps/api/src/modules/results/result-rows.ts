import { TerminologyService } from '../terminology/terminology.service.js';
import type {
  Interpretation,
  ObservationCategory,
  ReportCategory,
  ResultStatus,
} from './observation-rules.js';
import type {
  ObservationView,
  ReleaseState,
  ReportSummary,
  ReportView,
  ReviewItem,
  TrendPoint,
} from './results.dto.js';

/** A result_report row with its ordering provider's name and its observation count. */
export interface ReportRow {
  id: string;
  patient_id: string;
  category: ReportCategory;
  code: string | null;
  title: string;
  status: ResultStatus;
  effective_at: Date;
  issued_at: Date;
  narrative: string | null;
  attachment_name: string | null;
  has_attachment: boolean;
  release_state: ReleaseState;
  released_at: Date | null;
  first_viewed_at: Date | null;
  abnormal: boolean;
  version: number;
  provider_id: string | null;
  provider_name: string | null;
  observation_count: number;
  /** The (effective_at or issued_at) of the row as text with microseconds, for cursors. */
  cursor_at: string;
}

export type ReviewRow = ReportRow & { mrn: string; patient_name: string };

export interface ObservationRow {
  id: string;
  patient_id: string;
  report_id: string | null;
  category: ObservationCategory;
  code: string;
  display: string;
  value_quantity: string | null;
  value_text: string | null;
  unit: string | null;
  reference_low: string | null;
  reference_high: string | null;
  reference_text: string | null;
  interpretation: Interpretation | null;
  status: ResultStatus;
  effective_at: Date;
  version: number;
  cursor_at: string;
}

const CURSOR_TIME = `to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function cursorTime(column: string): string {
  return CURSOR_TIME.replace('%s', column);
}

/**
 * The report columns every read needs. `$visible` is the condition on observations that
 * count (all for staff; for patients, none entered in error). A correlated count over the
 * report's index keeps a page one query whatever the number of observations.
 */
export function reportSelect(patientView: boolean, cursorColumn = 'r.effective_at'): string {
  const counted = patientView ? `AND o.status <> 'entered-in-error'` : '';
  return `
    SELECT r.id, r.patient_id, r.category, r.code, r.title, r.status, r.effective_at, r.issued_at,
           r.narrative, r.attachment_name, (r.attachment_pdf IS NOT NULL) AS has_attachment,
           r.release_state, r.released_at, r.first_viewed_at, r.abnormal, r.version,
           p.id AS provider_id, p.display_name AS provider_name,
           (SELECT count(*)::int FROM observation o WHERE o.report_id = r.id ${counted}) AS observation_count,
           ${cursorTime(cursorColumn)} AS cursor_at
      FROM result_report r
      LEFT JOIN provider p ON p.id = r.ordering_provider_id`;
}

export const OBSERVATION_COLUMNS = `
  o.id, o.patient_id, o.report_id, o.category, o.code, o.display, o.value_quantity, o.value_text,
  o.unit, o.reference_low, o.reference_high, o.reference_text, o.interpretation, o.status,
  o.effective_at, o.version, ${cursorTime('o.effective_at')} AS cursor_at`;

/** An observation's stored fields, without what only paging needs. */
export type StoredObservation = Omit<ObservationRow, 'patient_id' | 'cursor_at'>;

function num(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export function toObservationView(row: StoredObservation): ObservationView {
  return {
    id: row.id,
    reportId: row.report_id,
    category: row.category,
    code: row.code,
    display: row.display,
    // From the LOINC list as read, so a better plain name reaches every stored result.
    plainName: TerminologyService.plainName('loinc', row.code),
    valueQuantity: num(row.value_quantity),
    valueText: row.value_text,
    unit: row.unit,
    referenceLow: num(row.reference_low),
    referenceHigh: num(row.reference_high),
    referenceText: row.reference_text,
    interpretation: row.interpretation,
    abnormal: row.interpretation !== null && row.interpretation !== 'N',
    status: row.status,
    corrected: row.status === 'corrected' || row.version > 1,
    effectiveAt: row.effective_at.toISOString(),
    version: row.version,
  };
}

export function toTrendPoint(row: ObservationRow): TrendPoint {
  return {
    observationId: row.id,
    reportId: row.report_id,
    effectiveAt: row.effective_at.toISOString(),
    valueQuantity: num(row.value_quantity),
    unit: row.unit,
    interpretation: row.interpretation,
    abnormal: row.interpretation !== null && row.interpretation !== 'N',
    status: row.status,
  };
}

export function toReportSummary(row: ReportRow, patientView: boolean): ReportSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    category: row.category,
    code: row.code,
    title: row.title,
    status: row.status,
    effectiveAt: row.effective_at.toISOString(),
    issuedAt: row.issued_at.toISOString(),
    abnormal: row.abnormal,
    isNew: patientView && row.release_state === 'released' && row.first_viewed_at === null,
    releaseState: row.release_state,
    releasedAt: row.released_at?.toISOString() ?? null,
    orderingProvider:
      row.provider_id && row.provider_name
        ? { id: row.provider_id, displayName: row.provider_name }
        : null,
    observationCount: row.observation_count,
    hasAttachment: row.has_attachment,
    corrected: row.status === 'corrected' || row.version > 1,
    version: row.version,
  };
}

export function toReportView(
  row: ReportRow,
  observations: ObservationRow[],
  patientView: boolean,
): ReportView {
  return {
    ...toReportSummary(row, patientView),
    narrative: row.narrative,
    attachmentName: row.attachment_name,
    observations: observations.map(toObservationView),
  };
}

export function toReviewItem(row: ReviewRow): ReviewItem {
  return {
    ...toReportSummary(row, false),
    patient: { id: row.patient_id, displayName: row.patient_name, mrn: row.mrn },
  };
}

// --- paging ------------------------------------------------------------------------------

/** A row's position in its list (common/pager.ts): its time to the microsecond, then its id. */
export const cursorKey = (row: { cursor_at: string; id: string }): [string, string] => [
  row.cursor_at,
  row.id,
];
