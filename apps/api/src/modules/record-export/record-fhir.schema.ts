import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { REPORT_OBSERVATIONS_MAX } from '../results/results.dto.js';

type Schema = SchemaObject | ReferenceObject;

/**
 * The OpenAPI schemas of the FHIR R4 Bundle that GET /patients/{id}/health-record.fhir.json
 * returns: the subset of FHIR R4 that record-fhir.ts writes, resource by resource, so a
 * client can read the export without the whole FHIR specification. Bounds follow the
 * portal's own field limits (the longest text a record field takes, with room to spare).
 */

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const text = (maxLength: number, description?: string): SchemaObject => ({
  type: 'string',
  maxLength,
  ...(description ? { description } : {}),
});
const list = (items: Schema, maxItems: number): SchemaObject => ({
  type: 'array',
  items,
  minItems: 1,
  maxItems,
});
const uri = (description?: string): SchemaObject => ({
  type: 'string',
  format: 'uri',
  maxLength: 200,
  ...(description ? { description } : {}),
});
const code = (values?: string[]): SchemaObject =>
  values ? { type: 'string', enum: values } : { type: 'string', maxLength: 64 };
/** FHIR dateTime: a calendar date (YYYY-MM-DD) or an instant. */
const dateTime: SchemaObject = {
  type: 'string',
  maxLength: 35,
  description: 'A FHIR dateTime: YYYY-MM-DD, or an ISO 8601 instant in UTC',
};
const instant: SchemaObject = { type: 'string', format: 'date-time', maxLength: 35 };
const date: SchemaObject = { type: 'string', format: 'date', maxLength: 10 };
const id: SchemaObject = { type: 'string', format: 'uuid', maxLength: 36 };
const NOTE_MAX = 10000;

function resource(
  resourceType: string,
  description: string,
  required: string[],
  properties: Record<string, Schema>,
): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['resourceType', 'id', ...required],
    properties: { resourceType: { type: 'string', enum: [resourceType] }, id, ...properties },
  };
}

const RESOURCES = {
  FhirPatient: resource('Patient', 'The patient, always the first entry', ['identifier', 'name'], {
    identifier: list(ref('FhirIdentifier'), 1),
    name: list(ref('FhirHumanName'), 2),
    gender: code(['female', 'male', 'other', 'unknown']),
    birthDate: date,
  }),
  FhirCondition: resource(
    'Condition',
    'A problem-list entry, coded in ICD-10-CM',
    ['clinicalStatus', 'category', 'code', 'subject', 'recordedDate'],
    {
      clinicalStatus: ref('FhirCodeableConcept'),
      category: list(ref('FhirCodeableConcept'), 1),
      code: ref('FhirCodeableConcept'),
      subject: ref('FhirReference'),
      onsetDateTime: dateTime,
      abatementDateTime: dateTime,
      recordedDate: instant,
      note: list(ref('FhirAnnotation'), 2),
    },
  ),
  FhirAllergyIntolerance: resource(
    'AllergyIntolerance',
    'An allergy or intolerance',
    ['clinicalStatus', 'category', 'code', 'patient', 'recordedDate'],
    {
      clinicalStatus: ref('FhirCodeableConcept'),
      category: list(code(['food', 'medication', 'environment', 'biologic']), 1),
      criticality: code(['high']),
      code: ref('FhirCodeableConcept'),
      patient: ref('FhirReference'),
      onsetDateTime: dateTime,
      recordedDate: instant,
      reaction: list(
        {
          type: 'object',
          required: ['manifestation'],
          properties: {
            manifestation: list(ref('FhirCodeableConcept'), 1),
            severity: code(['mild', 'moderate', 'severe']),
          },
        },
        1,
      ),
      note: list(ref('FhirAnnotation'), 2),
    },
  ),
  FhirImmunization: resource(
    'Immunization',
    'A vaccine given (or not), coded in CVX',
    ['status', 'vaccineCode', 'patient', 'occurrenceDateTime', 'recorded', 'primarySource'],
    {
      status: code(['completed', 'not-done']),
      vaccineCode: ref('FhirCodeableConcept'),
      patient: ref('FhirReference'),
      occurrenceDateTime: dateTime,
      recorded: instant,
      primarySource: { type: 'boolean' },
      lotNumber: text(50),
      site: ref('FhirCodeableConcept'),
      doseQuantity: ref('FhirQuantity'),
      protocolApplied: list(
        {
          type: 'object',
          required: ['doseNumberPositiveInt'],
          properties: {
            doseNumberPositiveInt: { type: 'integer', format: 'int32', minimum: 1, maximum: 20 },
          },
        },
        1,
      ),
      note: list(ref('FhirAnnotation'), 2),
    },
  ),
  FhirMedicationRequest: resource(
    'MedicationRequest',
    'A medication on the patient’s list, coded in RxNorm (intent order, status active or stopped); or a refill request of one (intent proposal while it is asked, order once approved; priorPrescription names the medication)',
    ['status', 'intent', 'medicationCodeableConcept', 'subject', 'authoredOn'],
    {
      status: code(['active', 'stopped', 'completed', 'cancelled', 'on-hold']),
      statusReason: ref('FhirCodeableConcept'),
      intent: code(['order', 'proposal']),
      category: list(ref('FhirCodeableConcept'), 1),
      medicationCodeableConcept: ref('FhirCodeableConcept'),
      subject: ref('FhirReference'),
      authoredOn: instant,
      requester: ref('FhirReference'),
      performer: ref('FhirReference'),
      priorPrescription: ref('FhirReference'),
      dosageInstruction: list(
        {
          type: 'object',
          properties: {
            text: text(400),
            patientInstruction: text(2000),
            timing: {
              type: 'object',
              properties: { code: ref('FhirCodeableConcept') },
            },
            route: ref('FhirCodeableConcept'),
          },
        },
        1,
      ),
      dispenseRequest: {
        type: 'object',
        properties: {
          validityPeriod: ref('FhirPeriod'),
          numberOfRepeatsAllowed: { type: 'integer', format: 'int32', minimum: 0, maximum: 99 },
          quantity: ref('FhirQuantity'),
          performer: ref('FhirReference'),
        },
      },
      note: list(ref('FhirAnnotation'), 1),
    },
  ),
  FhirObservation: resource(
    'Observation',
    'A lab value or vital sign, coded in LOINC with UCUM units',
    ['status', 'category', 'code', 'subject', 'effectiveDateTime'],
    {
      status: code(['preliminary', 'final', 'corrected']),
      category: list(ref('FhirCodeableConcept'), 1),
      code: ref('FhirCodeableConcept'),
      subject: ref('FhirReference'),
      effectiveDateTime: instant,
      valueQuantity: ref('FhirQuantity'),
      valueString: text(2000),
      interpretation: list(ref('FhirCodeableConcept'), 1),
      referenceRange: list(
        {
          type: 'object',
          properties: {
            low: ref('FhirQuantity'),
            high: ref('FhirQuantity'),
            text: text(200),
          },
        },
        1,
      ),
    },
  ),
  FhirDiagnosticReport: resource(
    'DiagnosticReport',
    'A report grouping observations',
    ['status', 'category', 'code', 'subject', 'effectiveDateTime', 'issued'],
    {
      status: code(['preliminary', 'final', 'corrected']),
      category: list(ref('FhirCodeableConcept'), 1),
      code: ref('FhirCodeableConcept'),
      subject: ref('FhirReference'),
      effectiveDateTime: instant,
      issued: instant,
      resultsInterpreter: list(ref('FhirReference'), 1),
      result: list(ref('FhirReference'), REPORT_OBSERVATIONS_MAX),
      conclusion: text(20000),
    },
  ),
  FhirEncounter: resource(
    'Encounter',
    'A visit, from its visit summary',
    ['text', 'status', 'class', 'subject', 'period'],
    {
      text: ref('FhirNarrative'),
      status: code(['finished']),
      class: ref('FhirCoding'),
      subject: ref('FhirReference'),
      participant: list(
        {
          type: 'object',
          required: ['individual'],
          properties: { individual: ref('FhirReference') },
        },
        1,
      ),
      period: ref('FhirPeriod'),
      reasonCode: list(ref('FhirCodeableConcept'), 20),
      location: list(
        { type: 'object', required: ['location'], properties: { location: ref('FhirReference') } },
        1,
      ),
    },
  ),
  FhirCarePlan: resource(
    'CarePlan',
    'A care plan; its goals are Goal entries of their own',
    ['status', 'intent', 'title', 'subject', 'period', 'created'],
    {
      status: code(['draft', 'active', 'on-hold', 'completed', 'revoked']),
      intent: code(['plan']),
      title: text(200),
      description: text(4000),
      subject: ref('FhirReference'),
      period: ref('FhirPeriod'),
      created: instant,
      addresses: list(ref('FhirReference'), 50),
      goal: list(ref('FhirReference'), 50),
      activity: list(
        {
          type: 'object',
          required: ['detail'],
          properties: {
            detail: {
              type: 'object',
              required: ['status', 'description'],
              properties: {
                status: code(['not-started', 'scheduled', 'in-progress', 'completed', 'cancelled']),
                description: text(500),
              },
            },
          },
        },
        50,
      ),
    },
  ),
  FhirGoal: resource(
    'Goal',
    'A goal of a care plan',
    ['lifecycleStatus', 'description', 'subject'],
    {
      lifecycleStatus: code(['proposed', 'active', 'completed', 'cancelled']),
      achievementStatus: ref('FhirCodeableConcept'),
      description: ref('FhirCodeableConcept'),
      subject: ref('FhirReference'),
      addresses: list(ref('FhirReference'), 50),
      note: list(ref('FhirAnnotation'), 1),
    },
  ),
  FhirCommunication: resource(
    'Communication',
    'A secure message between the patient and the care team (only when asked for: includeMessages)',
    [
      'identifier',
      'status',
      'category',
      'subject',
      'topic',
      'sent',
      'sender',
      'recipient',
      'payload',
    ],
    {
      identifier: list(
        {
          type: 'object',
          required: ['system', 'value'],
          properties: { system: uri('The conversation'), value: id },
        },
        1,
      ),
      status: code(['completed']),
      category: list(ref('FhirCodeableConcept'), 1),
      subject: ref('FhirReference'),
      topic: ref('FhirCodeableConcept'),
      sent: instant,
      sender: ref('FhirReference'),
      recipient: list(ref('FhirReference'), 1),
      payload: list(
        {
          type: 'object',
          required: ['contentString'],
          properties: { contentString: text(NOTE_MAX, 'The message, plain text') },
        },
        1,
      ),
    },
  ),
} satisfies Record<string, SchemaObject>;

const RESOURCE_TYPES = Object.fromEntries(
  Object.keys(RESOURCES).map((name) => [name.slice('Fhir'.length), `#/components/schemas/${name}`]),
);

const DATATYPES: Record<string, SchemaObject> = {
  FhirCoding: {
    type: 'object',
    required: ['code'],
    properties: { system: uri('The code system'), code: text(64), display: text(500) },
  },
  FhirCodeableConcept: {
    type: 'object',
    properties: { coding: list(ref('FhirCoding'), 5), text: text(NOTE_MAX) },
  },
  FhirReference: {
    type: 'object',
    description: 'A reference to another entry (urn:uuid:…), or only a display name',
    properties: {
      reference: text(45, 'urn:uuid: and the id of an entry in this Bundle'),
      identifier: ref('FhirIdentifier'),
      display: text(200),
    },
  },
  FhirQuantity: {
    type: 'object',
    required: ['value'],
    properties: {
      value: { type: 'number', minimum: -1e15, maximum: 1e15 },
      unit: text(30),
      system: uri('http://unitsofmeasure.org when the unit is a UCUM code'),
      code: text(30),
    },
  },
  FhirAnnotation: {
    type: 'object',
    required: ['text'],
    properties: { text: text(NOTE_MAX) },
  },
  FhirPeriod: {
    type: 'object',
    properties: { start: dateTime, end: dateTime },
  },
  FhirIdentifier: {
    type: 'object',
    required: ['value'],
    properties: {
      type: ref('FhirCodeableConcept'),
      system: uri('The identifier system (NCPDP for a pharmacy)'),
      value: text(64),
    },
  },
  FhirHumanName: {
    type: 'object',
    properties: {
      use: code(['official', 'usual']),
      family: text(100),
      given: list(text(100), 2),
    },
  },
  FhirNarrative: {
    type: 'object',
    required: ['status', 'div'],
    properties: {
      status: code(['generated']),
      div: text(80000, 'XHTML: the visit instructions and follow-up, escaped'),
    },
  },
};

export const FHIR_SCHEMAS: Record<string, SchemaObject> = {
  FhirBundle: {
    type: 'object',
    description:
      'A FHIR R4 Bundle of type collection: the Patient first, then every entry of the record the caller may see',
    required: ['resourceType', 'type', 'timestamp', 'entry'],
    properties: {
      resourceType: { type: 'string', enum: ['Bundle'] },
      type: { type: 'string', enum: ['collection'] },
      timestamp: instant,
      entry: {
        type: 'array',
        items: ref('FhirBundleEntry'),
        minItems: 1,
        maxItems: 10000000,
      },
    },
  },
  FhirBundleEntry: {
    type: 'object',
    required: ['fullUrl', 'resource'],
    properties: {
      fullUrl: text(45, 'urn:uuid: and the resource id'),
      resource: ref('FhirResource'),
    },
  },
  FhirResource: {
    oneOf: Object.keys(RESOURCES).map((name) => ref(name)),
    discriminator: { propertyName: 'resourceType', mapping: RESOURCE_TYPES },
  },
  ...RESOURCES,
  ...DATATYPES,
};
