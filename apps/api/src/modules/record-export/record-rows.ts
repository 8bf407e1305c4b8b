import type {
  RecordPersonRef,
  SummaryAllergy,
  SummaryCarePlan,
  SummaryCondition,
  SummaryImmunization,
  SummaryObservation,
  SummaryReport,
  SummaryVisit,
} from './record-export.dto.js';

/**
 * The record's tables read straight with SQL, and the rows turned into the record views.
 * Numeric columns arrive as strings from pg; dates (`date`) are selected as text so no time
 * zone shifts them.
 */

interface AuditedRow {
  id: string;
  patient_id: string;
  version: number;
  recorded_at: Date;
  updated_at: Date;
  recorded_by_id: string | null;
  recorded_by_name: string | null;
}

export interface ConditionRow extends AuditedRow {
  code: string;
  display: string;
  clinical_status: string;
  onset_date: string | null;
  abatement_date: string | null;
  note: string | null;
}

export interface AllergyRow extends AuditedRow {
  substance: string;
  category: string;
  reaction: string | null;
  severity: string | null;
  clinical_status: string;
  onset_date: string | null;
  note: string | null;
}

export interface ImmunizationRow extends AuditedRow {
  cvx_code: string;
  display: string;
  occurred_on: string;
  dose_number: number | null;
  dose_quantity: string | null;
  site: string | null;
  lot_number: string | null;
  status: string;
  note: string | null;
}

export interface VisitRow extends AuditedRow {
  visit_date: string;
  provider_id: string | null;
  provider_name: string | null;
  location_id: string | null;
  location_name: string | null;
  appointment_id: string | null;
  diagnoses: { code: string; display: string }[];
  instructions: string;
  follow_up: string | null;
  status: string;
}

export interface CarePlanRow extends AuditedRow {
  title: string;
  description: string | null;
  status: string;
  period_start: string;
  period_end: string | null;
  conditions: { id: string; code: string; display: string }[];
  goals: { id: string; description: string; status: string; target?: string | null }[];
  activities: { id: string; description: string; status: string }[];
}

export interface ObservationRow {
  id: string;
  report_id: string | null;
  category: string;
  code: string;
  display: string;
  value_quantity: string | null;
  value_text: string | null;
  unit: string | null;
  reference_low: string | null;
  reference_high: string | null;
  reference_text: string | null;
  interpretation: string | null;
  status: string;
  effective_at: Date;
  version: number;
}

export interface ReportRow {
  id: string;
  patient_id: string;
  category: string;
  code: string | null;
  title: string;
  status: string;
  effective_at: Date;
  issued_at: Date;
  abnormal: boolean;
  release_state: string;
  released_at: Date | null;
  first_viewed_at: Date | null;
  ordering_provider_id: string | null;
  ordering_provider_name: string | null;
  narrative: string | null;
  attachment_name: string | null;
  has_attachment: boolean;
  observation_count: number;
  version: number;
}

/** Whom a read is for: patients never see held reports nor who recorded an entry. */
export interface Audience {
  patient: boolean;
}

const text = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** The audited columns of table alias `t`, with who recorded the row. */
function audited(alias: string): string {
  return `${alias}.id, ${alias}.patient_id, ${alias}.version, ${alias}.recorded_at,
          ${alias}.updated_at, ${alias}.recorded_by AS recorded_by_id,
          (SELECT display_name FROM account WHERE id = ${alias}.recorded_by) AS recorded_by_name`;
}

export const CONDITION_SELECT = `
  SELECT ${audited('c')}, c.code, c.display, c.clinical_status,
         ${text('c.onset_date')} AS onset_date, ${text('c.abatement_date')} AS abatement_date,
         c.note
    FROM condition c`;

export const ALLERGY_SELECT = `
  SELECT ${audited('a')}, a.substance, a.category, a.reaction, a.severity, a.clinical_status,
         ${text('a.onset_date')} AS onset_date, a.note
    FROM allergy a`;

export const IMMUNIZATION_SELECT = `
  SELECT ${audited('i')}, i.cvx_code, i.display, ${text('i.occurred_on')} AS occurred_on,
         i.dose_number, i.dose_quantity, i.site, i.lot_number, i.status, i.note
    FROM immunization i`;

export const VISIT_SELECT = `
  SELECT ${audited('v')}, ${text('v.visit_date')} AS visit_date, v.provider_id,
         p.display_name AS provider_name, v.location_id, l.name AS location_name,
         v.appointment_id, v.diagnoses, v.instructions, v.follow_up, v.status
    FROM visit_summary v
    LEFT JOIN provider p ON p.id = v.provider_id
    LEFT JOIN location l ON l.id = v.location_id`;

// The addressed conditions come in the same statement, so a page of plans costs one query.
export const CARE_PLAN_SELECT = `
  SELECT ${audited('cp')}, cp.title, cp.description, cp.status,
         ${text('cp.period_start')} AS period_start, ${text('cp.period_end')} AS period_end,
         cp.goals, cp.activities,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'code', c.code,
                                                      'display', c.display) ORDER BY c.code)
                     FROM condition c
                    WHERE c.patient_id = cp.patient_id
                      AND c.id::text IN (SELECT jsonb_array_elements_text(cp.condition_ids))),
                  '[]'::jsonb) AS conditions
    FROM care_plan cp`;

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

export const REPORT_SELECT = `
  SELECT r.id, r.patient_id, r.category, r.code, r.title, r.status, r.effective_at, r.issued_at,
         r.abnormal, r.release_state, r.released_at, r.first_viewed_at, r.ordering_provider_id,
         p.display_name AS ordering_provider_name, r.narrative, r.attachment_name,
         r.attachment_pdf IS NOT NULL AS has_attachment, r.version,
         (SELECT count(*)::int FROM observation o
           WHERE o.report_id = r.id AND o.status <> 'entered-in-error') AS observation_count
    FROM result_report r
    LEFT JOIN provider p ON p.id = r.ordering_provider_id`;

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

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const num = (value: string | null) => (value === null ? null : Number(value));

function base(row: AuditedRow, audience: Audience) {
  const recordedBy: RecordPersonRef | null =
    !audience.patient && row.recorded_by_id
      ? { id: row.recorded_by_id, displayName: row.recorded_by_name ?? '' }
      : null;
  return {
    id: row.id,
    patientId: row.patient_id,
    version: row.version,
    corrected: row.version > 1,
    recordedAt: row.recorded_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    recordedBy,
  };
}

export function toCondition(row: ConditionRow, audience: Audience): SummaryCondition {
  return {
    ...base(row, audience),
    code: row.code,
    display: row.display,
    codeSystem: 'ICD-10-CM',
    clinicalStatus: row.clinical_status,
    onsetDate: row.onset_date,
    abatementDate: row.abatement_date,
    note: row.note,
  };
}

export function toAllergy(row: AllergyRow, audience: Audience): SummaryAllergy {
  return {
    ...base(row, audience),
    substance: row.substance,
    category: row.category,
    reaction: row.reaction,
    severity: row.severity,
    clinicalStatus: row.clinical_status,
    onsetDate: row.onset_date,
    note: row.note,
  };
}

export function toImmunization(row: ImmunizationRow, audience: Audience): SummaryImmunization {
  return {
    ...base(row, audience),
    cvxCode: row.cvx_code,
    display: row.display,
    occurredOn: row.occurred_on,
    doseNumber: row.dose_number,
    doseQuantity: row.dose_quantity,
    site: row.site,
    lotNumber: row.lot_number,
    status: row.status,
    note: row.note,
  };
}

export function toVisit(row: VisitRow, audience: Audience): SummaryVisit {
  return {
    ...base(row, audience),
    visitDate: row.visit_date,
    provider: row.provider_id
      ? { id: row.provider_id, displayName: row.provider_name ?? '' }
      : null,
    location: row.location_id ? { id: row.location_id, name: row.location_name ?? '' } : null,
    appointmentId: row.appointment_id,
    diagnoses: row.diagnoses.map((d) => ({ code: d.code, display: d.display })),
    instructions: row.instructions,
    followUp: row.follow_up,
    status: row.status,
  };
}

export function toCarePlan(row: CarePlanRow, audience: Audience): SummaryCarePlan {
  return {
    ...base(row, audience),
    title: row.title,
    description: row.description,
    status: row.status,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    conditions: row.conditions,
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
  };
}

export function toObservation(row: ObservationRow): SummaryObservation {
  return {
    id: row.id,
    reportId: row.report_id,
    category: row.category,
    code: row.code,
    display: row.display,
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

export function toReport(row: ReportRow, audience: Audience): SummaryReport {
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
    isNew: audience.patient && row.release_state === 'released' && !row.first_viewed_at,
    releaseState: row.release_state,
    releasedAt: iso(row.released_at),
    orderingProvider: row.ordering_provider_id
      ? { id: row.ordering_provider_id, displayName: row.ordering_provider_name ?? '' }
      : null,
    observationCount: row.observation_count,
    hasAttachment: row.has_attachment,
    corrected: row.status === 'corrected' || row.version > 1,
  };
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
