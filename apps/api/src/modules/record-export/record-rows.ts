import type { ReportRow as ResultReportRow, StoredObservation } from '../results/results.dto.js';

/**
 * The rows the downloads read besides the record kinds (which their descriptors read and
 * show): results stream joined with their observations, so their columns are listed here.
 * Numeric columns arrive as strings from pg.
 */

export type ObservationRow = StoredObservation;

/** A report as the downloads read it (they page with cursors of their own). */
export type ReportRow = Omit<ResultReportRow, 'cursor_at'>;

/** Whom a read is for: patients never see held reports nor who recorded an entry. */
export interface Audience {
  patient: boolean;
}

const OBSERVATION_FIELDS: [name: string, expression: string][] = [
  ['id', 'o.id'],
  ['report_id', 'o.report_id'],
  ['category', 'o.category'],
  ['code', 'o.code'],
  ['display', 'o.display'],
  ['value_quantity', 'o.value_quantity::text'],
  ['value_text', 'o.value_text'],
  ['unit', 'o.unit'],
  ['reference_low', 'o.reference_low::text'],
  ['reference_high', 'o.reference_high::text'],
  ['reference_text', 'o.reference_text'],
  ['interpretation', 'o.interpretation'],
  ['status', 'o.status'],
  ['effective_at', 'o.effective_at'],
  ['version', 'o.version'],
];

export const OBSERVATION_KEYS = OBSERVATION_FIELDS.map(([name]) => name);

/** The observation columns (alias `o`), each named with the prefix. */
export function observationColumns(prefix = ''): string {
  return OBSERVATION_FIELDS.map(([name, expression]) => `${expression} AS ${prefix}${name}`).join(
    ', ',
  );
}

/** SQL conditions on a report (alias `r`) the audience may see. */
export function visibleReport(audience: Audience): string {
  return audience.patient
    ? `r.status <> 'entered-in-error' AND r.release_state = 'released'`
    : `r.status <> 'entered-in-error'`;
}

/**
 * SQL conditions on an observation (alias `o`) the audience may see: never entered in error,
 * and for patients only those of released reports (vital signs without a report are released
 * when taken).
 */
export function visibleObservation(audience: Audience): string {
  const base = `o.status <> 'entered-in-error'`;
  const report = audience.patient
    ? `r.release_state = 'released' AND r.status <> 'entered-in-error'`
    : `r.status <> 'entered-in-error'`;
  return `${base} AND (o.report_id IS NULL OR EXISTS (
            SELECT 1 FROM result_report r WHERE r.id = o.report_id AND ${report}))`;
}

/** The flag of a result in words, as printed in the PDF. */
export function flagInWords(interpretation: string | null): string {
  switch (interpretation) {
    case 'H':
      return 'High';
    case 'HH':
      return 'Critically high';
    case 'L':
      return 'Low';
    case 'LL':
      return 'Critically low';
    case 'A':
      return 'Abnormal';
    case 'AA':
      return 'Critically abnormal';
    case 'N':
      return 'Normal';
    default:
      return '';
  }
}
