import type { RecordKindAuditName } from '../audit/audit.service.js';
import type { Type } from '@nestjs/common';
import type { SortValue } from '../../common/pager.js';
import type { DomainError } from '../../common/problem.js';
import type { FhirResource } from '../../common/fhir.js';
import type { PdfBlocks, PdfColumn } from '../../common/pdf-section.js';
import type { CodeSystemId } from '../terminology/terminology.service.js';
import type { CodedDiagnosis, DiagnosisInput, RecordViewBase } from './records.dto.js';

/** Columns every record table has, as read. */
export interface BaseRow {
  id: string;
  patient_id: string;
  version: number;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
  updated_at: Date;
  /** The sort column as text (dates YYYY-MM-DD, instants to the microsecond), for cursors. */
  sort_key: string | null;
}

/** Column values to insert or change, by column name. */
export type Columns = Record<string, unknown>;

/** What every correction request carries besides its fields. */
export interface Correction {
  version: number;
  reason?: string | null;
}

/**
 * The checks a kind's create and update steps lean on, bound to the request's transaction,
 * the patient and the clock (RecordsService makes one per write).
 */
export interface WriteContext {
  patientId: string;
  /**
   * Dates that must not be in the future, and pairs that must be in order ("today" is the
   * latest calendar date anywhere, UTC+14, so no clinic's today is refused). A 400 naming
   * the fields that fail.
   */
  dates(
    past: [field: string, value: string | null | undefined][],
    ordered?: [string, string | null, string, string | null][],
  ): void;
  /** The entry of a code list with the list's version, or a 400 on `field` with `message`. */
  code(
    system: CodeSystemId,
    code: string | undefined,
    field: string,
    message: string,
  ): { code: string; display: string; version: string };
  /** Each diagnosis coded from ICD-10-CM with its display, once each, in the order sent. */
  diagnoses(items: DiagnosisInput[]): CodedDiagnosis[];
  /** One of the patient's appointments (its provider and location), or a 400. */
  appointment(appointmentId: string): Promise<{ provider_id: string; location_id: string }>;
  /** A 400 unless the provider and location (when given) exist. */
  references(providerId: string | null, locationId: string | null): Promise<void>;
  /** The ids, once each, when every one is a condition on the patient's problem list. */
  conditionIds(ids: string[]): Promise<string[]>;
}

/** What the FHIR export tells a kind about the Bundle so far. */
export interface FhirContext {
  patientId: string;
  /** True when a resource with this id is already in the Bundle (to reference it). */
  has(id: string): boolean;
}

/** A PDF section: one table of rows, or a block written per row. */
export type PdfSection<Row> = {
  heading: string;
  /** The line written when the patient has none. */
  none: string;
} & (
  | { columns: PdfColumn[]; cells: (row: Row) => string[] }
  | { write: (pdf: PdfBlocks, row: Row) => void }
);

/** How a kind appears in the API: its path, names and request and response classes. */
export interface ResourceApi {
  /** The path segment under /v1/patients/:patientId, like allergies. */
  path: string;
  /** The route parameter of one record, like allergyId. */
  param: string;
  /** Names in operationIds: listAllergies, createAllergy … getAllergyHistory. */
  singular: string;
  plural: string;
  /** The kind in prose: "allergy", "allergies". */
  noun: string;
  nouns: string;
  /** The list's summary, and how it is sorted and filtered (the start of its description). */
  summary: string;
  order: string;
  /** What a new record must satisfy (the start of the create description). */
  rules: string;
  listQuery: Type<unknown>;
  page: Type<unknown>;
  view: Type<unknown>;
  create: Type<unknown>;
  update: Type<unknown>;
}

/**
 * One kind of patient data, described once: where it is stored and how it is read, how it
 * is written and corrected, and how it is shown in the API, the PDF and the FHIR Bundle.
 * The controller (RecordKindController), the service steps (list, get, create, correct,
 * history), the pager, the revisions and both downloads are built from it.
 */
export interface PatientResource<
  Row extends BaseRow = BaseRow,
  View extends RecordViewBase = RecordViewBase,
  Create = object,
  Update extends Correction = Correction,
> {
  /** The table, also the audit resource type and record_revision.resource_type. */
  table: string;
  /** Audit action prefix, like condition (condition.read). */
  action: RecordKindAuditName;
  notFound: () => DomainError;
  /** The status column; patients never see rows whose status is entered-in-error. */
  statusColumn: 'clinical_status' | 'status';
  /** What lists are sorted by, newest first (nullable: rows without one come last). */
  sort: { column: string; type: Extract<SortValue, 'date' | 'instant'>; nullable: boolean };
  /** The date that ?from= and ?to= filter on. */
  filterDate: string;
  /** Columns read besides the common ones (with `sort_key`), and the joins they need. */
  columns: (forPatient: boolean) => string;
  joins?: string;
  /** Columns written as jsonb. */
  jsonColumns?: string[];
  toView: (row: Row, forPatient: boolean) => View;
  /** The columns of a new record (status defaults included). */
  create: (body: Create, context: WriteContext) => Columns | Promise<Columns>;
  /** The columns a correction changes, given the row as it is. */
  update: (body: Update, row: Row, context: WriteContext) => Columns | Promise<Columns>;
  api: ResourceApi;
  pdf: PdfSection<Row>;
  /** The kind's resources in the FHIR Bundle (some kinds write more than one per row). */
  fhir: (row: Row, context: FhirContext) => FhirResource[];
}

/** Any kind, whatever its row and view. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPatientResource = PatientResource<any, any, any, any>;

/** Fields every view carries; patients never learn who recorded a row. */
export function baseView(row: BaseRow, forPatient: boolean): RecordViewBase {
  return {
    id: row.id,
    patientId: row.patient_id,
    version: row.version,
    corrected: row.version > 1,
    recordedAt: row.recorded_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    recordedBy:
      !forPatient && row.recorded_by && row.recorded_by_name
        ? { id: row.recorded_by, displayName: row.recorded_by_name }
        : null,
  };
}

/** A date column as its cursor text. */
export const DATE_KEY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** An instant column as its cursor text, to the microsecond. */
export const INSTANT_KEY = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Only the fields present in the request: undefined means "leave as it is". */
export function sent<T extends object>(body: T, key: keyof T): boolean {
  return body[key] !== undefined;
}

/** The named request fields that were sent, under their column names. */
export function copy<T extends object>(body: T, fields: Partial<Record<keyof T, string>>): Columns {
  const columns: Columns = {};
  for (const [field, column] of Object.entries(fields) as [keyof T, string][]) {
    if (body[field] !== undefined) columns[column] = body[field];
  }
  return columns;
}
