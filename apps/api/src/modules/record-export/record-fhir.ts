import {
  clean,
  fullUrl,
  INTERPRETATION,
  LOINC,
  ref,
  text,
  UCUM,
  type FhirResource,
} from '../../common/fhir.js';
import type { ObservationRow, ReportRow } from './record-rows.js';
import type { RecordPatient } from './record-source.js';

export { fullUrl, type FhirResource };

const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const DIAGNOSTIC_SERVICE = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const num = (value: string | null) => (value === null ? undefined : Number(value));

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
