import type { JsonResponse } from '@portal/api-client';
import { nextId } from './factories';
import { plainNameOf } from './records-handlers';

/*
 * The record factories both apps' tests build answers from: each a plausible answer of the
 * API, typed by its OpenAPI document, with what a test cares about given as overrides.
 */

type ResultReport = JsonResponse<'getResult', 200>;
type Observation = ResultReport['observations'][number];
type Condition = JsonResponse<'listConditions', 200>['items'][number];
type Allergy = JsonResponse<'listAllergies', 200>['items'][number];
type Immunization = JsonResponse<'listImmunizations', 200>['items'][number];
type VisitSummary = JsonResponse<'listVisitSummaries', 200>['items'][number];
type CarePlan = JsonResponse<'listCarePlans', 200>['items'][number];
type Medication = JsonResponse<'listMedications', 200>['items'][number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString();
}

function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}

/** Fields every record kind carries, as a patient sees them (recordedBy is staff-only). */
function recordBase(patientId: string) {
  const recordedAt = daysAgo(30);
  return {
    id: nextId(),
    patientId,
    version: 1,
    corrected: false,
    recordedAt,
    updatedAt: recordedAt,
    recordedBy: null,
  };
}

/**
 * A factory's plain name: the code's, unless the display was made up for the test (then none,
 * so a made-up display is what shows), or one was given.
 */
function plainNameFor(
  system: Parameters<typeof plainNameOf>[0],
  code: string,
  overrides: { display?: string },
): string | null {
  return overrides.display === undefined ? plainNameOf(system, code) : null;
}

/** One laboratory value: HbA1c 5.4 % (usual 4.0–5.6), final, unless given. */
export function observationFactory(overrides: Partial<Observation> = {}): Observation {
  const code = overrides.code ?? '4548-4';
  return {
    id: nextId(),
    reportId: null,
    category: 'laboratory',
    code,
    display: 'Hemoglobin A1c',
    plainName: plainNameFor('loinc', code, overrides),
    valueQuantity: 5.4,
    valueText: null,
    unit: '%',
    referenceLow: 4,
    referenceHigh: 5.6,
    referenceText: null,
    interpretation: 'N',
    abnormal: false,
    status: 'final',
    corrected: false,
    effectiveAt: daysAgo(7),
    version: 1,
    ...overrides,
  };
}

/** A vital sign as the API stores it: no report, category vital-signs. */
export function vitalSignFactory(overrides: Partial<Observation> = {}): Observation {
  return observationFactory({
    category: 'vital-signs',
    code: '8867-4',
    display: 'Heart rate',
    plainName:
      overrides.display === undefined ? plainNameOf('loinc', overrides.code ?? '8867-4') : null,
    valueQuantity: 72,
    unit: '/min',
    referenceLow: null,
    referenceHigh: null,
    interpretation: null,
    ...overrides,
  });
}

/**
 * A released laboratory report with its observations; abnormal, observationCount and the
 * observations' reportId and effectiveAt (the report's) are worked out from what is given.
 */
export function resultReportFactory(overrides: Partial<ResultReport> = {}): ResultReport {
  const id = overrides.id ?? nextId();
  const effectiveAt = overrides.effectiveAt ?? daysAgo(7);
  const observations = (overrides.observations ?? [observationFactory()]).map((observation) => ({
    ...observation,
    reportId: id,
    // A report's values were all taken with its sample.
    effectiveAt,
  }));
  const issuedAt = overrides.issuedAt ?? new Date(Date.parse(effectiveAt) + DAY).toISOString();
  return {
    id,
    patientId: nextId(),
    category: 'laboratory',
    code: '4548-4',
    title: 'Hemoglobin A1c',
    status: 'final',
    issuedAt,
    releaseState: 'released',
    releasedAt: issuedAt,
    orderingProvider: { id: nextId(), displayName: 'Dr. Priya Shah' },
    hasAttachment: false,
    corrected: false,
    isNew: false,
    version: 1,
    narrative: null,
    attachmentName: null,
    ...overrides,
    effectiveAt,
    observations,
    observationCount: observations.length,
    abnormal: overrides.abnormal ?? observations.some((observation) => observation.abnormal),
  };
}

export function conditionFactory(overrides: Partial<Condition> = {}): Condition {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    code: 'I10',
    display: 'Essential (primary) hypertension',
    plainName: plainNameFor('icd10cm', overrides.code ?? 'I10', overrides),
    codeSystem: 'ICD-10-CM',
    clinicalStatus: 'active',
    onsetDate: dateOnly(daysAgo(400)),
    abatementDate: null,
    note: null,
    ...overrides,
  };
}

export function allergyFactory(overrides: Partial<Allergy> = {}): Allergy {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    substance: 'Penicillin',
    category: 'medication',
    reaction: 'Hives',
    severity: 'moderate',
    clinicalStatus: 'active',
    onsetDate: null,
    note: null,
    ...overrides,
  };
}

export function immunizationFactory(overrides: Partial<Immunization> = {}): Immunization {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    cvxCode: '150',
    display: 'Influenza, injectable, quadrivalent, preservative free',
    plainName: plainNameFor('cvx', overrides.cvxCode ?? '150', overrides),
    occurredOn: dateOnly(daysAgo(60)),
    doseNumber: null,
    doseQuantity: '0.5 mL',
    site: 'Left arm',
    lotNumber: 'FL2026A',
    status: 'completed',
    note: null,
    ...overrides,
  };
}

export function visitSummaryFactory(overrides: Partial<VisitSummary> = {}): VisitSummary {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    visitDate: dateOnly(daysAgo(14)),
    provider: { id: nextId(), displayName: 'Dr. Priya Shah' },
    location: { id: nextId(), name: 'Harbor Clinic' },
    appointmentId: null,
    diagnoses: [{ code: 'I10', display: 'Essential (primary) hypertension' }],
    instructions: 'Take your blood pressure every morning and write it down.',
    followUp: 'Come back in 3 months.',
    status: 'final',
    ...overrides,
  };
}

export function carePlanFactory(overrides: Partial<CarePlan> = {}): CarePlan {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    title: 'Blood pressure plan',
    description: 'Bring your blood pressure into the healthy range.',
    status: 'active',
    periodStart: dateOnly(daysAgo(90)),
    periodEnd: null,
    conditions: [],
    goals: [
      {
        id: nextId(),
        description: 'Blood pressure below 130/80',
        status: 'in-progress',
        target: '130/80 mmHg',
      },
    ],
    activities: [
      { id: nextId(), description: 'Walk 30 minutes a day', status: 'in-progress' },
      { id: nextId(), description: 'Blood test in 3 months', status: 'scheduled' },
    ],
    ...overrides,
  };
}

/** Lisinopril 10 mg once a day, started 60 days ago, still taken. */
export function medicationFactory(overrides: Partial<Medication> = {}): Medication {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    rxnormCode: '314076',
    display: 'lisinopril 10 MG Oral Tablet',
    plainName: null,
    dose: '10 mg',
    route: 'oral',
    frequency: 'Once a day',
    instructions: null,
    prescriber: null,
    startDate: dateOnly(daysAgo(60)),
    endDate: null,
    status: 'active',
    refillsRemaining: null,
    lastFilledOn: null,
    pharmacy: null,
    controlled: false,
    ...overrides,
  };
}
