import type { RecordKindAuditName } from '../audit/audit.service.js';
import type { DomainError } from '../../common/problem.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import type { SortType } from './records-cursor.js';
import type {
  ActivityStatus,
  AllergyCategory,
  AllergySeverity,
  AllergyStatus,
  AllergyView,
  CarePlanConditionView,
  CarePlanStatus,
  CarePlanView,
  CodedDiagnosis,
  ConditionStatus,
  ConditionView,
  GoalStatus,
  ImmunizationStatus,
  ImmunizationView,
  RecordViewBase,
  VisitSummaryStatus,
  VisitSummaryView,
} from './records.dto.js';
import { RecordNotFoundError } from './records.errors.js';

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

export interface ConditionRow extends BaseRow {
  code: string;
  display: string;
  clinical_status: ConditionStatus;
  onset_date: string | null;
  abatement_date: string | null;
  note: string | null;
}

export interface AllergyRow extends BaseRow {
  substance: string;
  category: AllergyCategory;
  reaction: string | null;
  severity: AllergySeverity | null;
  clinical_status: AllergyStatus;
  onset_date: string | null;
  note: string | null;
}

export interface ImmunizationRow extends BaseRow {
  cvx_code: string;
  display: string;
  occurred_on: string;
  dose_number: number | null;
  dose_quantity: string | null;
  site: string | null;
  lot_number: string | null;
  status: ImmunizationStatus;
  note: string | null;
}

export interface VisitSummaryRow extends BaseRow {
  visit_date: string;
  provider_id: string | null;
  provider_name: string | null;
  location_id: string | null;
  location_name: string | null;
  appointment_id: string | null;
  diagnoses: CodedDiagnosis[];
  instructions: string;
  follow_up: string | null;
  status: VisitSummaryStatus;
}

export interface StoredGoal {
  id: string;
  description: string;
  status: GoalStatus;
  target: string | null;
}

export interface StoredActivity {
  id: string;
  description: string;
  status: ActivityStatus;
}

export interface CarePlanRow extends BaseRow {
  title: string;
  description: string | null;
  status: CarePlanStatus;
  period_start: string;
  period_end: string | null;
  condition_ids: string[];
  conditions: CarePlanConditionView[];
  goals: StoredGoal[];
  activities: StoredActivity[];
}

/**
 * What the shared list/get/create/correct steps need to know about one kind of record: its
 * table, how it is sorted and filtered, what is read with it, and how a row becomes a view.
 */
export interface RecordKind<Row extends BaseRow, View extends RecordViewBase> {
  /** The table, also the audit resource type and record_revision.resource_type. */
  table: string;
  /** Audit action prefix, like condition (condition.read). */
  action: RecordKindAuditName;
  notFound: () => DomainError;
  statusColumn: 'clinical_status' | 'status';
  sort: { column: string; type: SortType; nullable: boolean };
  /** The date that ?from= and ?to= filter on. */
  filterDate: string;
  /** Columns read besides the common ones, and the joins they need. */
  columns: (forPatient: boolean) => string;
  joins?: string;
  /** Columns written as jsonb. */
  jsonColumns?: string[];
  toView: (row: Row, forPatient: boolean) => View;
}

function baseView(row: BaseRow, forPatient: boolean): RecordViewBase {
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

const DATE_KEY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export const CONDITION: RecordKind<ConditionRow, ConditionView> = {
  table: 'condition',
  action: 'condition',
  notFound: () => new RecordNotFoundError('condition_not_found', 'condition'),
  statusColumn: 'clinical_status',
  sort: { column: 't.onset_date', type: 'date', nullable: true },
  filterDate: 't.onset_date',
  columns: () => `t.code, t.display, t.clinical_status, t.onset_date::text AS onset_date,
    t.abatement_date::text AS abatement_date, t.note, ${DATE_KEY('t.onset_date')} AS sort_key`,
  toView: (row, forPatient) => ({
    ...baseView(row, forPatient),
    code: row.code,
    display: row.display,
    // From the code list as read, so a better plain name reaches every stored record.
    plainName: TerminologyService.plainName('icd10cm', row.code),
    codeSystem: 'ICD-10-CM',
    clinicalStatus: row.clinical_status,
    onsetDate: row.onset_date,
    abatementDate: row.abatement_date,
    note: row.note,
  }),
};

export const ALLERGY: RecordKind<AllergyRow, AllergyView> = {
  table: 'allergy',
  action: 'allergy',
  notFound: () => new RecordNotFoundError('allergy_not_found', 'allergy'),
  statusColumn: 'clinical_status',
  sort: { column: 't.recorded_at', type: 'timestamptz', nullable: false },
  filterDate: `(t.recorded_at AT TIME ZONE 'UTC')::date`,
  columns: () => `t.substance, t.category, t.reaction, t.severity, t.clinical_status,
    t.onset_date::text AS onset_date, t.note,
    to_char(t.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key`,
  toView: (row, forPatient) => ({
    ...baseView(row, forPatient),
    substance: row.substance,
    category: row.category,
    reaction: row.reaction,
    severity: row.severity,
    clinicalStatus: row.clinical_status,
    onsetDate: row.onset_date,
    note: row.note,
  }),
};

export const IMMUNIZATION: RecordKind<ImmunizationRow, ImmunizationView> = {
  table: 'immunization',
  action: 'immunization',
  notFound: () => new RecordNotFoundError('immunization_not_found', 'immunization'),
  statusColumn: 'status',
  sort: { column: 't.occurred_on', type: 'date', nullable: false },
  filterDate: 't.occurred_on',
  columns: () => `t.cvx_code, t.display, t.occurred_on::text AS occurred_on, t.dose_number,
    t.dose_quantity, t.site, t.lot_number, t.status, t.note,
    ${DATE_KEY('t.occurred_on')} AS sort_key`,
  toView: (row, forPatient) => ({
    ...baseView(row, forPatient),
    cvxCode: row.cvx_code,
    display: row.display,
    plainName: TerminologyService.plainName('cvx', row.cvx_code),
    occurredOn: row.occurred_on,
    doseNumber: row.dose_number,
    doseQuantity: row.dose_quantity,
    site: row.site,
    lotNumber: row.lot_number,
    status: row.status,
    note: row.note,
  }),
};

export const VISIT_SUMMARY: RecordKind<VisitSummaryRow, VisitSummaryView> = {
  table: 'visit_summary',
  action: 'visit-summary',
  notFound: () => new RecordNotFoundError('visit_summary_not_found', 'visit summary'),
  statusColumn: 'status',
  sort: { column: 't.visit_date', type: 'date', nullable: false },
  filterDate: 't.visit_date',
  columns: () => `t.visit_date::text AS visit_date, t.provider_id, pr.display_name AS provider_name,
    t.location_id, l.name AS location_name, t.appointment_id, t.diagnoses, t.instructions,
    t.follow_up, t.status, ${DATE_KEY('t.visit_date')} AS sort_key`,
  joins: `LEFT JOIN provider pr ON pr.id = t.provider_id
    LEFT JOIN location l ON l.id = t.location_id`,
  jsonColumns: ['diagnoses'],
  toView: (row, forPatient) => ({
    ...baseView(row, forPatient),
    visitDate: row.visit_date,
    provider:
      row.provider_id && row.provider_name
        ? { id: row.provider_id, displayName: row.provider_name }
        : null,
    location:
      row.location_id && row.location_name
        ? { id: row.location_id, name: row.location_name }
        : null,
    appointmentId: row.appointment_id,
    diagnoses: row.diagnoses.map((d) => ({ code: d.code, display: d.display })),
    instructions: row.instructions,
    followUp: row.follow_up,
    status: row.status,
  }),
};

export const CARE_PLAN: RecordKind<CarePlanRow, CarePlanView> = {
  table: 'care_plan',
  action: 'care-plan',
  notFound: () => new RecordNotFoundError('care_plan_not_found', 'care plan'),
  statusColumn: 'status',
  sort: { column: 't.period_start', type: 'date', nullable: false },
  filterDate: 't.period_start',
  // The addressed conditions are read in the same query (in the plan's order), so a page of
  // plans costs one query; patients do not see conditions entered in error.
  columns: (forPatient) => `t.title, t.description, t.status,
    t.period_start::text AS period_start, t.period_end::text AS period_end,
    t.condition_ids, t.goals, t.activities, ${DATE_KEY('t.period_start')} AS sort_key,
    COALESCE((
      SELECT jsonb_agg(jsonb_build_object('id', c.id, 'code', c.code, 'display', c.display)
                       ORDER BY e.position)
        FROM jsonb_array_elements_text(t.condition_ids) WITH ORDINALITY AS e(condition_id, position)
        JOIN condition c ON c.id = e.condition_id::uuid AND c.patient_id = t.patient_id
       ${forPatient ? `WHERE c.clinical_status <> 'entered-in-error'` : ''}
    ), '[]'::jsonb) AS conditions`,
  jsonColumns: ['condition_ids', 'goals', 'activities'],
  toView: (row, forPatient) => ({
    ...baseView(row, forPatient),
    title: row.title,
    description: row.description,
    status: row.status,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    conditions: row.conditions.map((c) => ({ id: c.id, code: c.code, display: c.display })),
    goals: row.goals.map((g) => ({
      id: g.id,
      description: g.description,
      status: g.status,
      target: g.target ?? null,
    })),
    activities: row.activities.map((a) => ({
      id: a.id,
      description: a.description,
      status: a.status,
    })),
  }),
};

/** The SELECT of one kind with its recorder's name (one query whatever the page size). */
export function selectRecords<Row extends BaseRow, View extends RecordViewBase>(
  kind: RecordKind<Row, View>,
  forPatient: boolean,
): string {
  return `
  SELECT t.id, t.patient_id, t.version, t.recorded_by, ra.display_name AS recorded_by_name,
         t.recorded_at, t.updated_at, ${kind.columns(forPatient)}
    FROM ${kind.table} t
    LEFT JOIN account ra ON ra.id = t.recorded_by
    ${kind.joins ?? ''}`;
}
