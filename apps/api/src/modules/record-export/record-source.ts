import {
  EXPORT_MESSAGES_SQL,
  type ExportMessageRow,
} from '../messaging/messaging-export.service.js';
import { EXPORT_REFILLS_SQL, type ExportRefillRow } from '../refills/refills-export.service.js';
import { exportRecords, type BaseRow, type PatientResource } from '../records/records.service.js';
import type { RecordSnapshot } from './record-batches.js';
import {
  OBSERVATION_KEYS,
  observationColumns,
  visibleObservation,
  visibleReport,
  type Audience,
  type ObservationRow,
  type ReportRow,
} from './record-rows.js';

export interface RecordPatient {
  id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  sex: string;
}

/** A report's columns on each of its observation rows (observation columns null when none). */
export type ReportObservationRow = {
  [K in keyof ObservationRow as `o_${K}`]: ObservationRow[K] | null;
} & {
  [K in keyof ReportRow as `r_${K}`]: ReportRow[K];
};

const REPORT_COLUMNS = `
  r.id AS r_id, r.patient_id AS r_patient_id, r.category AS r_category, r.code AS r_code,
  r.title AS r_title, r.status AS r_status, r.effective_at AS r_effective_at,
  r.issued_at AS r_issued_at, r.abnormal AS r_abnormal, r.release_state AS r_release_state,
  r.released_at AS r_released_at, r.first_viewed_at AS r_first_viewed_at,
  p.id AS r_provider_id, p.display_name AS r_provider_name, r.narrative AS r_narrative,
  r.attachment_name AS r_attachment_name, r.attachment_pdf IS NOT NULL AS r_has_attachment,
  0 AS r_observation_count, r.version AS r_version`;

/** The patient's record, section by section, read through a snapshot's cursors. */
export class RecordSource {
  constructor(
    private readonly snapshot: RecordSnapshot,
    readonly patientId: string,
    readonly audience: Audience,
  ) {}

  async patient(): Promise<RecordPatient | null> {
    const [row] = await this.snapshot.all<RecordPatient>(
      `SELECT id, mrn, given_name, family_name, preferred_name,
              to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, sex
         FROM patient WHERE id = $1`,
      [this.patientId],
    );
    return row ?? null;
  }

  /** The patient's messages with the care team, never internal notes (a batch at a time). */
  messages(): AsyncGenerator<ExportMessageRow[]> {
    return this.snapshot.rows(EXPORT_MESSAGES_SQL, [this.patientId]);
  }

  /** The patient's prescription refill requests, newest first (a batch at a time). */
  refillRequests(): AsyncGenerator<ExportRefillRow[]> {
    return this.snapshot.rows(EXPORT_REFILLS_SQL, [this.patientId]);
  }

  /** Every record of a kind the record shows (or one of them), newest first. */
  records<Row extends BaseRow>(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    kind: PatientResource<Row, any, any, any>,
    id?: string,
  ): AsyncGenerator<Row[]> {
    return this.snapshot.rows(
      exportRecords(kind, this.audience.patient, id !== undefined),
      id !== undefined ? [this.patientId, id] : [this.patientId],
    );
  }

  /**
   * Every visible report (or one) with its observations, newest report first, observations
   * by name; a report without observations comes as one row with the observation columns null.
   */
  reportObservations(reportId?: string): AsyncGenerator<ReportObservationRow[]> {
    const one = reportId ? ' AND r.id = $2' : '';
    return this.snapshot.rows(
      `SELECT ${REPORT_COLUMNS}, ${observationColumns('o_')}
         FROM result_report r
         LEFT JOIN provider p ON p.id = r.ordering_provider_id
         LEFT JOIN observation o ON o.report_id = r.id AND o.status <> 'entered-in-error'
        WHERE r.patient_id = $1 AND ${visibleReport(this.audience)}${one}
        ORDER BY r.effective_at DESC, r.id DESC, o.display, o.effective_at, o.id`,
      reportId ? [this.patientId, reportId] : [this.patientId],
    );
  }

  /** Vital signs taken outside any report, newest first. */
  vitals(): AsyncGenerator<ObservationRow[]> {
    return this.snapshot.rows(
      `SELECT ${observationColumns()}
         FROM observation o
        WHERE o.patient_id = $1 AND o.report_id IS NULL AND ${visibleObservation(this.audience)}
        ORDER BY o.effective_at DESC, o.id DESC`,
      [this.patientId],
    );
  }
}

const REPORT_KEYS = [
  'id',
  'patient_id',
  'category',
  'code',
  'title',
  'status',
  'effective_at',
  'issued_at',
  'abnormal',
  'release_state',
  'released_at',
  'first_viewed_at',
  'provider_id',
  'provider_name',
  'narrative',
  'attachment_name',
  'has_attachment',
  'observation_count',
  'version',
] as const;

const REPORT_FIELDS = REPORT_KEYS.map((key) => [key, `r_${key}`] as const);
const OBSERVATION_FIELDS = OBSERVATION_KEYS.map((key) => [key, `o_${key}`] as const);

/** The report of a joined row. */
export function reportOf(row: ReportObservationRow): ReportRow {
  const joined = row as unknown as Record<string, unknown>;
  const report: Record<string, unknown> = {};
  for (const [key, column] of REPORT_FIELDS) report[key] = joined[column];
  return report as unknown as ReportRow;
}

/** The observation of a joined row, null for a report without any. */
export function observationOf(row: ReportObservationRow): ObservationRow | null {
  if (!row.o_id) return null;
  const joined = row as unknown as Record<string, unknown>;
  const observation: Record<string, unknown> = {};
  for (const [key, column] of OBSERVATION_FIELDS) observation[key] = joined[column];
  return observation as unknown as ObservationRow;
}
