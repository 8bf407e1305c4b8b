import { newId } from '../../infra/database/ids.js';
import {
  ACT_CODE,
  ALLERGY_CLINICAL,
  clean,
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CVX,
  escapeXml,
  GOAL_ACHIEVEMENT,
  ICD10CM,
  notes,
  quantity,
  ref,
  text,
} from '../../common/fhir.js';
import { capitalized, longDate, statusInWords } from '../../common/pdf-section.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import { v5 } from 'uuid';
import {
  baseView,
  copy,
  DATE_KEY,
  INSTANT_KEY,
  sent,
  type BaseRow,
  type Columns,
  type PatientResource,
} from './patient-resource.js';
import {
  AllergyPage,
  AllergyView,
  CarePlanPage,
  CarePlanView,
  ConditionPage,
  ConditionView,
  CreateAllergyRequest,
  CreateCarePlanRequest,
  CONDITION_STATUSES,
  ALLERGY_STATUSES,
  IMMUNIZATION_STATUSES,
  VISIT_SUMMARY_STATUSES,
  CARE_PLAN_STATUSES,
  CreateConditionRequest,
  CreateImmunizationRequest,
  CreateVisitSummaryRequest,
  ImmunizationPage,
  ImmunizationView,
  RecordListQueryWith,
  UpdateAllergyRequest,
  UpdateCarePlanRequest,
  UpdateConditionRequest,
  UpdateImmunizationRequest,
  UpdateVisitSummaryRequest,
  VisitSummaryPage,
  VisitSummaryView,
  type ActivityInput,
  type ActivityStatus,
  type AllergyCategory,
  type AllergySeverity,
  type AllergyStatus,
  type CarePlanConditionView,
  type CarePlanStatus,
  type CodedDiagnosis,
  type ConditionStatus,
  type GoalInput,
  type GoalStatus,
  type ImmunizationStatus,
  type VisitSummaryStatus,
} from './records.dto.js';
import { MEDICATION } from './medications.js';
import { RecordNotFoundError } from './records.errors.js';

export type { BaseRow };

const CODE_MESSAGE = 'Choose a diagnosis code from the list, like I10.';
const CVX_MESSAGE = 'Choose a vaccine from the list, like 140 for the flu shot.';

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

export const CONDITION: PatientResource<
  ConditionRow,
  ConditionView,
  CreateConditionRequest,
  UpdateConditionRequest
> = {
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
  create: (body, ctx) => {
    const entry = ctx.code('icd10cm', body.code, 'code', CODE_MESSAGE);
    ctx.dates(
      [
        ['onsetDate', body.onsetDate],
        ['abatementDate', body.abatementDate],
      ],
      [['onsetDate', body.onsetDate ?? null, 'abatementDate', body.abatementDate ?? null]],
    );
    return {
      code: entry.code,
      display: entry.display,
      code_system_version: entry.version,
      clinical_status: body.clinicalStatus ?? 'active',
      onset_date: body.onsetDate ?? null,
      abatement_date: body.abatementDate ?? null,
      note: body.note ?? null,
    };
  },
  update: (body, row, ctx) => {
    const changes: Columns = {};
    if (sent(body, 'code')) {
      const entry = ctx.code('icd10cm', body.code, 'code', CODE_MESSAGE);
      Object.assign(changes, {
        code: entry.code,
        display: entry.display,
        code_system_version: entry.version,
      });
    }
    const onset = sent(body, 'onsetDate') ? (body.onsetDate ?? null) : row.onset_date;
    const abatement = sent(body, 'abatementDate')
      ? (body.abatementDate ?? null)
      : row.abatement_date;
    ctx.dates(
      [
        ['onsetDate', body.onsetDate],
        ['abatementDate', body.abatementDate],
      ],
      [['onsetDate', onset, 'abatementDate', abatement]],
    );
    return Object.assign(
      changes,
      copy(body, {
        clinicalStatus: 'clinical_status',
        onsetDate: 'onset_date',
        abatementDate: 'abatement_date',
        note: 'note',
      }),
    );
  },
  api: {
    path: 'conditions',
    param: 'conditionId',
    singular: 'Condition',
    plural: 'Conditions',
    noun: 'condition',
    nouns: 'conditions',
    summary: 'A patient’s problems and diagnoses, coded in ICD-10-CM',
    order:
      'Newest first by onset date (conditions without one last); from and to filter on that date.',
    rules:
      'The code must be in the ICD-10-CM list; its display comes from the list. The end date is not before the onset; neither is in the future.',
    listQuery: RecordListQueryWith(CONDITION_STATUSES, 'ConditionClinicalStatus'),
    page: ConditionPage,
    view: ConditionView,
    create: CreateConditionRequest,
    update: UpdateConditionRequest,
  },
  pdf: {
    heading: 'Conditions',
    none: 'No conditions recorded.',
    columns: [
      { title: 'Condition', width: 230, wrap: true },
      { title: 'Code', width: 60 },
      { title: 'Status', width: 90 },
      { title: 'Since', width: 132 },
    ],
    cells: (row) => [
      row.display,
      row.code,
      statusInWords(row.clinical_status),
      row.onset_date ? longDate(row.onset_date) : '',
    ],
  },
  fhir: (row, { patientId }) => [
    clean({
      resourceType: 'Condition',
      id: row.id,
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: row.clinical_status }] },
      category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
      code: {
        coding: [{ system: ICD10CM, code: row.code, display: row.display }],
        text: row.display,
      },
      subject: ref(patientId),
      onsetDateTime: text(row.onset_date),
      abatementDateTime: text(row.abatement_date),
      recordedDate: row.recorded_at.toISOString(),
      note: notes(row.note),
    }),
  ],
};

export const ALLERGY: PatientResource<
  AllergyRow,
  AllergyView,
  CreateAllergyRequest,
  UpdateAllergyRequest
> = {
  table: 'allergy',
  action: 'allergy',
  notFound: () => new RecordNotFoundError('allergy_not_found', 'allergy'),
  statusColumn: 'clinical_status',
  sort: { column: 't.recorded_at', type: 'instant', nullable: false },
  filterDate: `(t.recorded_at AT TIME ZONE 'UTC')::date`,
  columns: () => `t.substance, t.category, t.reaction, t.severity, t.clinical_status,
    t.onset_date::text AS onset_date, t.note, ${INSTANT_KEY('t.recorded_at')} AS sort_key`,
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
  create: (body, ctx) => {
    ctx.dates([['onsetDate', body.onsetDate]]);
    return {
      substance: body.substance,
      category: body.category,
      reaction: body.reaction ?? null,
      severity: body.severity ?? null,
      clinical_status: body.clinicalStatus ?? 'active',
      onset_date: body.onsetDate ?? null,
      note: body.note ?? null,
    };
  },
  update: (body, _row, ctx) => {
    ctx.dates([['onsetDate', body.onsetDate]]);
    return copy(body, {
      substance: 'substance',
      category: 'category',
      reaction: 'reaction',
      severity: 'severity',
      clinicalStatus: 'clinical_status',
      onsetDate: 'onset_date',
      note: 'note',
    });
  },
  api: {
    path: 'allergies',
    param: 'allergyId',
    singular: 'Allergy',
    plural: 'Allergies',
    noun: 'allergy',
    nouns: 'allergies',
    summary: 'A patient’s allergies and intolerances',
    order: 'Newest first by date recorded; from and to filter on that date.',
    rules: 'The onset date is not in the future.',
    listQuery: RecordListQueryWith(ALLERGY_STATUSES, 'AllergyClinicalStatus'),
    page: AllergyPage,
    view: AllergyView,
    create: CreateAllergyRequest,
    update: UpdateAllergyRequest,
  },
  pdf: {
    heading: 'Allergies',
    none: 'No known allergies recorded.',
    columns: [
      { title: 'Allergy to', width: 150, wrap: true },
      { title: 'Reaction', width: 170, wrap: true },
      { title: 'Severity', width: 90 },
      { title: 'Status', width: 102 },
    ],
    cells: (row) => [
      row.substance,
      row.reaction ?? '',
      row.severity ? capitalized(row.severity) : '',
      statusInWords(row.clinical_status),
    ],
  },
  fhir: (row, { patientId }) => [
    clean({
      resourceType: 'AllergyIntolerance',
      id: row.id,
      clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: row.clinical_status }] },
      category: [row.category],
      criticality: row.severity === 'severe' ? 'high' : undefined,
      code: { text: row.substance },
      patient: ref(patientId),
      onsetDateTime: text(row.onset_date),
      recordedDate: row.recorded_at.toISOString(),
      // A reaction needs a manifestation, so the severity goes with a reaction only.
      reaction: row.reaction
        ? [clean({ manifestation: [{ text: row.reaction }], severity: row.severity ?? undefined })]
        : undefined,
      note: notes(row.note),
    }),
  ],
};

export const IMMUNIZATION: PatientResource<
  ImmunizationRow,
  ImmunizationView,
  CreateImmunizationRequest,
  UpdateImmunizationRequest
> = {
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
  create: (body, ctx) => {
    const vaccine = ctx.code('cvx', body.cvxCode, 'cvxCode', CVX_MESSAGE);
    ctx.dates([['occurredOn', body.occurredOn]]);
    return {
      cvx_code: vaccine.code,
      display: vaccine.display,
      code_system_version: vaccine.version,
      occurred_on: body.occurredOn,
      dose_number: body.doseNumber ?? null,
      dose_quantity: body.doseQuantity ?? null,
      site: body.site ?? null,
      lot_number: body.lotNumber ?? null,
      status: body.status ?? 'completed',
      note: body.note ?? null,
    };
  },
  update: (body, _row, ctx) => {
    const changes: Columns = {};
    if (sent(body, 'cvxCode')) {
      const vaccine = ctx.code('cvx', body.cvxCode, 'cvxCode', CVX_MESSAGE);
      Object.assign(changes, {
        cvx_code: vaccine.code,
        display: vaccine.display,
        code_system_version: vaccine.version,
      });
    }
    ctx.dates([['occurredOn', body.occurredOn]]);
    return Object.assign(
      changes,
      copy(body, {
        occurredOn: 'occurred_on',
        doseNumber: 'dose_number',
        doseQuantity: 'dose_quantity',
        site: 'site',
        lotNumber: 'lot_number',
        status: 'status',
        note: 'note',
      }),
    );
  },
  api: {
    path: 'immunizations',
    param: 'immunizationId',
    singular: 'Immunization',
    plural: 'Immunizations',
    noun: 'immunization',
    nouns: 'immunizations',
    summary: 'A patient’s immunizations, coded in CVX',
    order: 'Newest first by date given; from and to filter on that date.',
    rules:
      'The vaccine must be in the CVX list; its display comes from the list. The date given is not in the future.',
    listQuery: RecordListQueryWith(IMMUNIZATION_STATUSES, 'ImmunizationStatus'),
    page: ImmunizationPage,
    view: ImmunizationView,
    create: CreateImmunizationRequest,
    update: UpdateImmunizationRequest,
  },
  pdf: {
    heading: 'Immunizations',
    none: 'No immunizations recorded.',
    columns: [
      { title: 'Vaccine', width: 250, wrap: true },
      { title: 'Date', width: 120 },
      { title: 'Dose', width: 60 },
      { title: 'Status', width: 82 },
    ],
    cells: (row) => [
      row.display,
      longDate(row.occurred_on),
      row.dose_number ? `Dose ${row.dose_number}` : '',
      statusInWords(row.status),
    ],
  },
  fhir: (row, { patientId }) => [
    clean({
      resourceType: 'Immunization',
      id: row.id,
      status: row.status,
      vaccineCode: {
        coding: [{ system: CVX, code: row.cvx_code, display: row.display }],
        text: row.display,
      },
      patient: ref(patientId),
      occurrenceDateTime: row.occurred_on,
      recorded: row.recorded_at.toISOString(),
      primarySource: true,
      lotNumber: text(row.lot_number),
      site: row.site ? { text: row.site } : undefined,
      doseQuantity: quantity(row.dose_quantity),
      protocolApplied: row.dose_number ? [{ doseNumberPositiveInt: row.dose_number }] : undefined,
      note: notes(
        row.dose_quantity && !quantity(row.dose_quantity) ? `Dose: ${row.dose_quantity}` : null,
        row.note,
      ),
    }),
  ],
};

export const VISIT_SUMMARY: PatientResource<
  VisitSummaryRow,
  VisitSummaryView,
  CreateVisitSummaryRequest,
  UpdateVisitSummaryRequest
> = {
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
  create: async (body, ctx) => {
    ctx.dates([['visitDate', body.visitDate]]);
    const diagnoses = ctx.diagnoses(body.diagnoses ?? []);
    let providerId = body.providerId ?? null;
    let locationId = body.locationId ?? null;
    if (body.appointmentId) {
      const appointment = await ctx.appointment(body.appointmentId);
      // A summary written for an appointment is by default about its provider and place.
      providerId = body.providerId === undefined ? appointment.provider_id : providerId;
      locationId = body.locationId === undefined ? appointment.location_id : locationId;
    }
    await ctx.references(providerId, locationId);
    return {
      appointment_id: body.appointmentId ?? null,
      visit_date: body.visitDate,
      provider_id: providerId,
      location_id: locationId,
      diagnoses,
      instructions: body.instructions,
      follow_up: body.followUp ?? null,
      status: 'final',
    };
  },
  update: async (body, row, ctx) => {
    ctx.dates([['visitDate', body.visitDate]]);
    if (body.appointmentId) await ctx.appointment(body.appointmentId);
    await ctx.references(body.providerId ?? null, body.locationId ?? null);
    const changes = copy(body, {
      visitDate: 'visit_date',
      providerId: 'provider_id',
      locationId: 'location_id',
      appointmentId: 'appointment_id',
      instructions: 'instructions',
      followUp: 'follow_up',
      status: 'status',
    });
    if (sent(body, 'diagnoses')) changes.diagnoses = ctx.diagnoses(body.diagnoses!);
    // A final summary that is corrected becomes amended, unless another status is chosen.
    if (!sent(body, 'status') && row.status === 'final') changes.status = 'amended';
    return changes;
  },
  api: {
    path: 'visit-summaries',
    param: 'visitSummaryId',
    singular: 'VisitSummary',
    plural: 'VisitSummaries',
    noun: 'visit summary',
    nouns: 'visit summaries',
    summary: 'Summaries of a patient’s visits: diagnoses, instructions and follow-up',
    order: 'Newest first by visit date; from and to filter on that date.',
    rules:
      'Diagnoses must be in the ICD-10-CM list. Linked to an appointment, the provider and location default to the appointment’s. A corrected final summary becomes amended.',
    listQuery: RecordListQueryWith(VISIT_SUMMARY_STATUSES, 'VisitSummaryStatus'),
    page: VisitSummaryPage,
    view: VisitSummaryView,
    create: CreateVisitSummaryRequest,
    update: UpdateVisitSummaryRequest,
  },
  pdf: {
    heading: 'Visit summaries',
    none: 'No visit summaries yet.',
    write: (pdf, row) => {
      const amended = row.status === 'amended' ? ' (amended)' : '';
      pdf.subheading(`Visit on ${longDate(row.visit_date)}${amended}`);
      if (row.provider_name) pdf.paragraph(row.provider_name, { label: 'Seen by' });
      if (row.location_name) pdf.paragraph(row.location_name, { label: 'Where' });
      if (row.diagnoses.length) {
        pdf.paragraph(row.diagnoses.map((d) => `${d.display} (${d.code})`).join('; '), {
          label: 'Diagnoses',
        });
      }
      pdf.paragraph(row.instructions, { label: 'Instructions' });
      if (row.follow_up) pdf.paragraph(row.follow_up, { label: 'Follow-up' });
    },
  },
  fhir: (row, { patientId }) => {
    const lines = [
      `Instructions: ${row.instructions}`,
      ...(row.follow_up ? [`Follow-up: ${row.follow_up}`] : []),
    ];
    return [
      clean({
        resourceType: 'Encounter',
        id: row.id,
        text: {
          status: 'generated',
          div: `<div xmlns="http://www.w3.org/1999/xhtml">${lines.map((l) => `<p>${escapeXml(l)}</p>`).join('')}</div>`,
        },
        status: 'finished',
        class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
        subject: ref(patientId),
        participant: row.provider_name
          ? [{ individual: { display: row.provider_name } }]
          : undefined,
        period: { start: row.visit_date, end: row.visit_date },
        reasonCode: row.diagnoses.length
          ? row.diagnoses.map((d) => ({
              coding: [{ system: ICD10CM, code: d.code, display: d.display }],
              text: d.display,
            }))
          : undefined,
        location: row.location_name ? [{ location: { display: row.location_name } }] : undefined,
      }),
    ];
  },
};

// Goals live inside their care plan's row; their resource ids are derived from it.
const GOAL_NAMESPACE = '5b0d6e0a-3c1f-4f57-9d1e-8f0b3a1e2c47';

const GOAL_STATUS: Record<string, { lifecycle: string; achievement?: string }> = {
  proposed: { lifecycle: 'proposed' },
  'in-progress': { lifecycle: 'active', achievement: 'in-progress' },
  achieved: { lifecycle: 'completed', achievement: 'achieved' },
  'not-achieved': { lifecycle: 'active', achievement: 'not-achieved' },
  cancelled: { lifecycle: 'cancelled' },
};

/** A goal's FHIR resource id: goals live inside their care plan's row. */
export function goalId(planId: string, goal: { id: string }): string {
  return UUID_PATTERN.test(goal.id) ? goal.id : v5(`${planId}/${goal.id}`, GOAL_NAMESPACE);
}

function goalOf(input: GoalInput, id: string): StoredGoal {
  return { id, description: input.description, status: input.status, target: input.target ?? null };
}

function activityOf(input: ActivityInput, id: string): StoredActivity {
  return { id, description: input.description, status: input.status };
}

/**
 * Goals or activities as sent, each with an id: an existing item keeps its id when it is sent
 * back with it; new items (and ids that are unknown or repeated) get a new one.
 */
function withIds<In extends { id?: string }, Out extends { id: string }>(
  items: In[],
  current: { id: string }[],
  make: (input: In, id: string) => Out,
): Out[] {
  const known = new Set(current.map((item) => item.id));
  const used = new Set<string>();
  return items.map((item) => {
    const id = item.id && known.has(item.id) && !used.has(item.id) ? item.id : newId();
    used.add(id);
    return make(item, id);
  });
}

export const CARE_PLAN: PatientResource<
  CarePlanRow,
  CarePlanView,
  CreateCarePlanRequest,
  UpdateCarePlanRequest
> = {
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
  create: async (body, ctx) => {
    ctx.dates([], [['periodStart', body.periodStart, 'periodEnd', body.periodEnd ?? null]]);
    return {
      title: body.title,
      description: body.description ?? null,
      status: body.status ?? 'active',
      period_start: body.periodStart,
      period_end: body.periodEnd ?? null,
      condition_ids: await ctx.conditionIds(body.conditionIds ?? []),
      goals: withIds(body.goals ?? [], [], goalOf),
      activities: withIds(body.activities ?? [], [], activityOf),
    };
  },
  update: async (body, row, ctx) => {
    const start = body.periodStart ?? row.period_start;
    const end = sent(body, 'periodEnd') ? (body.periodEnd ?? null) : row.period_end;
    ctx.dates([], [['periodStart', start, 'periodEnd', end]]);
    const changes = copy(body, {
      title: 'title',
      description: 'description',
      status: 'status',
      periodStart: 'period_start',
      periodEnd: 'period_end',
    });
    if (body.conditionIds !== undefined) {
      changes.condition_ids = await ctx.conditionIds(body.conditionIds);
    }
    if (body.goals !== undefined) changes.goals = withIds(body.goals, row.goals, goalOf);
    if (body.activities !== undefined) {
      changes.activities = withIds(body.activities, row.activities, activityOf);
    }
    return changes;
  },
  api: {
    path: 'care-plans',
    param: 'carePlanId',
    singular: 'CarePlan',
    plural: 'CarePlans',
    noun: 'care plan',
    nouns: 'care plans',
    summary: 'A patient’s care plans with their goals and activities',
    order: 'Newest first by start date; from and to filter on that date.',
    rules:
      'Up to 50 goals and 50 activities, each given an id; conditions come from the patient’s problem list. The end date is not before the start.',
    listQuery: RecordListQueryWith(CARE_PLAN_STATUSES, 'CarePlanStatus'),
    page: CarePlanPage,
    view: CarePlanView,
    create: CreateCarePlanRequest,
    update: UpdateCarePlanRequest,
  },
  pdf: {
    heading: 'Care plans',
    none: 'No care plans recorded.',
    write: (pdf, row) => {
      const period = row.period_end
        ? `${longDate(row.period_start)} to ${longDate(row.period_end)}`
        : `since ${longDate(row.period_start)}`;
      pdf.subheading(`${row.title} (${row.status}, ${period})`);
      if (row.description) pdf.paragraph(row.description);
      if (row.conditions.length) {
        pdf.paragraph(row.conditions.map((c) => c.display).join('; '), { label: 'For' });
      }
      for (const goal of row.goals) {
        const target = goal.target ? ` Target: ${goal.target}.` : '';
        pdf.paragraph(`${goal.description} (${goal.status}).${target}`, { label: 'Goal' });
      }
      for (const activity of row.activities) {
        pdf.paragraph(`${activity.description} (${activity.status})`, { label: 'Activity' });
      }
    },
  },
  // The plan and its goals, which FHIR keeps as resources of their own; it addresses the
  // conditions that are in the Bundle.
  fhir: (row, { patientId, has }) => {
    const addresses = row.conditions.filter((c) => has(c.id)).map((c) => ref(c.id));
    const goals = row.goals.map((goal) => {
      const status = GOAL_STATUS[goal.status] ?? { lifecycle: 'active' };
      return clean({
        resourceType: 'Goal',
        id: goalId(row.id, goal),
        lifecycleStatus: status.lifecycle,
        achievementStatus: status.achievement
          ? { coding: [{ system: GOAL_ACHIEVEMENT, code: status.achievement }] }
          : undefined,
        description: { text: goal.description },
        subject: ref(patientId),
        addresses: addresses.length ? addresses : undefined,
        note: notes(goal.target ? `Target: ${goal.target}` : null),
      });
    });
    const plan = clean({
      resourceType: 'CarePlan',
      id: row.id,
      status: row.status,
      intent: 'plan',
      title: row.title,
      description: text(row.description),
      subject: ref(patientId),
      period: clean({ start: row.period_start, end: text(row.period_end) }),
      created: row.recorded_at.toISOString(),
      addresses: addresses.length ? addresses : undefined,
      goal: goals.length ? goals.map((g) => ref(g.id)) : undefined,
      activity: row.activities.length
        ? row.activities.map((a) => ({ detail: { status: a.status, description: a.description } }))
        : undefined,
    });
    return [plan, ...goals];
  },
};

/** Every kind of patient record, in the order of the API document. */
export const PATIENT_RESOURCES = [
  CONDITION,
  ALLERGY,
  IMMUNIZATION,
  VISIT_SUMMARY,
  CARE_PLAN,
  MEDICATION,
] as const;

/** The order the whole-record downloads (PDF and FHIR) write them in. */
export const RECORD_ORDER = [
  CONDITION,
  ALLERGY,
  MEDICATION,
  IMMUNIZATION,
  CARE_PLAN,
  VISIT_SUMMARY,
] as const;
