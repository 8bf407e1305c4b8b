import { v5 } from 'uuid';
import type { ObservationRow, ReportRow } from './record-rows.js';
import type { RecordPatient } from './record-source.js';

/** A FHIR R4 resource as plain JSON. */
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const DIAGNOSTIC_SERVICE = 'http://terminology.hl7.org/CodeSystem/v2-0074';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
// Goals live inside their care plan's row; their resource ids are derived from it.
export const GOAL_NAMESPACE = '5b0d6e0a-3c1f-4f57-9d1e-8f0b3a1e2c47';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const fullUrl = (id: string) => `urn:uuid:${id}`;
export const ref = (id: string) => ({ reference: fullUrl(id) });
const num = (value: string | null) => (value === null ? undefined : Number(value));
export const text = (value: string | null | undefined) => (value ? value : undefined);
export const notes = (...values: (string | null | undefined)[]) => {
  const list = values.filter((v): v is string => !!v).map((v) => ({ text: v }));
  return list.length ? list : undefined;
};

/** Drops undefined members, so the JSON holds only what the record has. */
export function clean<T extends Record<string, unknown>>(resource: T): T {
  return Object.fromEntries(Object.entries(resource).filter(([, v]) => v !== undefined)) as T;
}

export function escapeXml(value: string): string {
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

export function quantity(value: string | null): Record<string, unknown> | undefined {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(value) : null;
  return match
    ? { value: Number(match[1]), unit: match[2], system: UCUM, code: match[2] }
    : undefined;
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
