import { v5 } from 'uuid';
import type {
  AllergyRow,
  CarePlanRow,
  ConditionRow,
  ImmunizationRow,
  ObservationRow,
  ReportRow,
  VisitSummaryRow,
} from './record-rows.js';
import type { RecordPatient } from './record-source.js';

/** A FHIR R4 resource as plain JSON. */
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const DIAGNOSTIC_SERVICE = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
// Goals live inside their care plan's row; their resource ids are derived from it.
const GOAL_NAMESPACE = '5b0d6e0a-3c1f-4f57-9d1e-8f0b3a1e2c47';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const fullUrl = (id: string) => `urn:uuid:${id}`;
const ref = (id: string) => ({ reference: fullUrl(id) });
const num = (value: string | null) => (value === null ? undefined : Number(value));
const text = (value: string | null | undefined) => (value ? value : undefined);
const notes = (...values: (string | null | undefined)[]) => {
  const list = values.filter((v): v is string => !!v).map((v) => ({ text: v }));
  return list.length ? list : undefined;
};

/** Drops undefined members, so the JSON holds only what the record has. */
function clean<T extends Record<string, unknown>>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, v]) => v !== undefined)) as T;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function patientResource(row: RecordPatient): FhirResource {
  const given = row.preferred_name ? [row.given_name, row.preferred_name] : [row.given_name];
  return {
    resourceType: 'Patient',
    id: row.id,
    identifier: [
      {
        type: {
          coding: [{ system: IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }],
        },
        value: row.mrn,
      },
    ],
    name: [{ use: 'official', family: row.family_name, given: [row.given_name] }].concat(
      row.preferred_name ? [{ use: 'usual', family: row.family_name, given: given.slice(1) }] : [],
    ),
    gender: row.sex,
    birthDate: row.date_of_birth,
  };
}

export function conditionResource(row: ConditionRow, patientId: string): FhirResource {
  return clean({
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
  });
}

export function allergyResource(row: AllergyRow, patientId: string): FhirResource {
  return clean({
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
  });
}

function quantity(value: string | null): Record<string, unknown> | undefined {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(value) : null;
  return match
    ? { value: Number(match[1]), unit: match[2], system: UCUM, code: match[2] }
    : undefined;
}

export function immunizationResource(row: ImmunizationRow, patientId: string): FhirResource {
  return clean({
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
  });
}

function ucumQuantity(value: number, unit: string | null) {
  return clean({ value, unit: text(unit), system: unit ? UCUM : undefined, code: text(unit) });
}

export function observationResource(row: ObservationRow, patientId: string): FhirResource {
  const low = num(row.reference_low);
  const high = num(row.reference_high);
  const range =
    low !== undefined || high !== undefined || row.reference_text
      ? [
          clean({
            low: low !== undefined ? ucumQuantity(low, row.unit) : undefined,
            high: high !== undefined ? ucumQuantity(high, row.unit) : undefined,
            text: text(row.reference_text),
          }),
        ]
      : undefined;
  return clean({
    resourceType: 'Observation',
    id: row.id,
    status: row.status,
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: row.category }] }],
    code: { coding: [{ system: LOINC, code: row.code, display: row.display }], text: row.display },
    subject: ref(patientId),
    effectiveDateTime: row.effective_at.toISOString(),
    valueQuantity:
      row.value_quantity !== null ? ucumQuantity(Number(row.value_quantity), row.unit) : undefined,
    valueString: row.value_quantity === null ? text(row.value_text) : undefined,
    interpretation: row.interpretation
      ? [{ coding: [{ system: INTERPRETATION, code: row.interpretation }] }]
      : undefined,
    referenceRange: range,
  });
}

const SERVICE: Record<string, string> = { laboratory: 'LAB', imaging: 'RAD', other: 'OTH' };

export function diagnosticReportResource(
  row: ReportRow,
  patientId: string,
  observationIds: string[],
): FhirResource {
  return clean({
    resourceType: 'DiagnosticReport',
    id: row.id,
    status: row.status,
    category: [{ coding: [{ system: DIAGNOSTIC_SERVICE, code: SERVICE[row.category] ?? 'OTH' }] }],
    code: row.code
      ? { coding: [{ system: LOINC, code: row.code, display: row.title }], text: row.title }
      : { text: row.title },
    subject: ref(patientId),
    effectiveDateTime: row.effective_at.toISOString(),
    issued: row.issued_at.toISOString(),
    resultsInterpreter: row.provider_name ? [{ display: row.provider_name }] : undefined,
    result: observationIds.length ? observationIds.map(ref) : undefined,
    conclusion: text(row.narrative),
  });
}

export function encounterResource(row: VisitSummaryRow, patientId: string): FhirResource {
  const lines = [
    `Instructions: ${row.instructions}`,
    ...(row.follow_up ? [`Follow-up: ${row.follow_up}`] : []),
  ];
  return clean({
    resourceType: 'Encounter',
    id: row.id,
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml">${lines.map((l) => `<p>${escapeXml(l)}</p>`).join('')}</div>`,
    },
    status: 'finished',
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    subject: ref(patientId),
    participant: row.provider_name ? [{ individual: { display: row.provider_name } }] : undefined,
    period: { start: row.visit_date, end: row.visit_date },
    reasonCode: row.diagnoses.length
      ? row.diagnoses.map((d) => ({
          coding: [{ system: ICD10CM, code: d.code, display: d.display }],
          text: d.display,
        }))
      : undefined,
    location: row.location_name ? [{ location: { display: row.location_name } }] : undefined,
  });
}

const GOAL_STATUS: Record<string, { lifecycle: string; achievement?: string }> = {
  proposed: { lifecycle: 'proposed' },
  'in-progress': { lifecycle: 'active', achievement: 'in-progress' },
  achieved: { lifecycle: 'completed', achievement: 'achieved' },
  'not-achieved': { lifecycle: 'active', achievement: 'not-achieved' },
  cancelled: { lifecycle: 'cancelled' },
};

export function goalId(planId: string, goal: { id: string }): string {
  return UUID.test(goal.id) ? goal.id : v5(`${planId}/${goal.id}`, GOAL_NAMESPACE);
}

/** The care plan and its goals, which FHIR keeps as resources of their own. */
export function carePlanResources(
  row: CarePlanRow,
  patientId: string,
  conditionIds: ReadonlySet<string>,
): FhirResource[] {
  const addresses = row.conditions.filter((c) => conditionIds.has(c.id)).map((c) => ref(c.id));
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
}
