import type { JsonResponse, Problem } from '@portal/api-client';
import { nextId, plainNameOf, problemFactory } from '@portal/api-mocks';

/*
 * The staff app's answer factories: one filled-in answer per shape, typed by the OpenAPI
 * document; a test overrides what it is about. The clinic catalog's factories (locations,
 * providers, visit types) are the shared ones in @portal/api-mocks.
 */

export type Patient = JsonResponse<'getPatient', 200>;
export type Invitation = JsonResponse<'createInvitation', 201>;
export type StaffMember = JsonResponse<'createStaff', 201>;
export type AuditEvent = JsonResponse<'listAuditEvents', 200>['items'][number];
export type Condition = JsonResponse<'getCondition', 200>;
export type Allergy = JsonResponse<'getAllergy', 200>;
export type Immunization = JsonResponse<'getImmunization', 200>;
export type Report = JsonResponse<'getResult', 200>;
export type Observation = Report['observations'][number];
export type ReportSummary = JsonResponse<'listResults', 200>['items'][number];

const DAY = 86_400_000;
let mrnSequence = 100_000;

/** A registered patient with every field filled. */
export function patientFactory(overrides: Partial<Patient> = {}): Patient {
  mrnSequence += 1;
  return {
    id: nextId(),
    mrn: `M${mrnSequence.toString().padStart(8, '0')}`,
    givenName: 'Alexandra',
    familyName: 'Rivera',
    preferredName: 'Alex',
    dateOfBirth: '1968-04-12',
    sex: 'female',
    email: 'alex.rivera@example.com',
    mobilePhone: '+15550101001',
    address: {
      line1: '12 Elm Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    createdAt: '2026-03-01T15:04:00.000Z',
    updatedAt: '2026-03-01T15:04:00.000Z',
    ...overrides,
  };
}

/** An invitation sent a day ago that is still valid for six more days. */
export function invitationFactory(overrides: Partial<Invitation> = {}): Invitation {
  const now = Date.now();
  return {
    id: nextId(),
    patientId: nextId(),
    patientName: 'Alexandra Rivera',
    patientMrn: 'M00100001',
    email: 'alex.rivera@example.com',
    status: 'sent',
    locked: false,
    expiresAt: new Date(now + 6 * DAY).toISOString(),
    createdAt: new Date(now - DAY).toISOString(),
    sentAt: new Date(now - DAY).toISOString(),
    acceptedAt: null,
    revokedAt: null,
    sendCount: 1,
    deliveryStatus: 'sent',
    deliveryAttempts: 1,
    ...overrides,
  };
}

/** An invitation for one of the test's patients (name, MRN and email taken from it). */
export function invitationForPatient(
  patient: Patient,
  overrides: Partial<Invitation> = {},
): Invitation {
  return invitationFactory({
    patientId: patient.id,
    patientName: `${patient.givenName} ${patient.familyName}`,
    patientMrn: patient.mrn,
    email: patient.email ?? 'no-email@example.com',
    ...overrides,
  });
}

export function staffMemberFactory(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    id: nextId(),
    username: 'nico.navarro',
    displayName: 'Nico Navarro, RN',
    email: 'nico.navarro@clinic.example',
    roles: ['nurse'],
    status: 'active',
    secondFactor: 'none',
    createdAt: '2026-01-15T09:00:00.000Z',
    ...overrides,
  };
}

export function auditEventFactory(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: nextId(),
    occurredAt: '2026-03-02T15:04:05.000Z',
    actor: {
      accountId: nextId(),
      displayName: 'Nico Navarro, RN',
      kind: 'staff',
      roles: ['nurse'],
    },
    patientId: null,
    action: 'auth.login',
    resourceType: 'account',
    resourceId: null,
    outcome: 'success',
    reason: null,
    route: null,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0',
    ...overrides,
  };
}

const RECORDED_AT = '2026-03-02T15:00:00.000Z';
const RECORDER = { id: nextId(), displayName: 'Dr. Priya Patel' };

function recordBase(patientId: string) {
  return {
    id: nextId(),
    patientId,
    version: 1,
    corrected: false,
    recordedAt: RECORDED_AT,
    updatedAt: RECORDED_AT,
    recordedBy: RECORDER,
  };
}

export function conditionFactory(overrides: Partial<Condition> = {}): Condition {
  return {
    ...recordBase(overrides.patientId ?? nextId()),
    code: 'I10',
    display: 'Essential (primary) hypertension',
    plainName: plainNameOf('icd10cm', overrides.code ?? 'I10'),
    codeSystem: 'ICD-10-CM',
    clinicalStatus: 'active',
    onsetDate: '2024-05-01',
    abatementDate: null,
    note: null,
    ...overrides,
  } as Condition;
}

export function observationFactory(overrides: Partial<Observation> = {}): Observation {
  return {
    id: nextId(),
    reportId: null,
    category: 'laboratory',
    code: '4548-4',
    display: 'Hemoglobin A1c',
    plainName: plainNameOf('loinc', overrides.code ?? '4548-4'),
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
    effectiveAt: '2026-03-01T14:00:00.000Z',
    version: 1,
    ...overrides,
  } as Observation;
}

/** A released final lab report with one normal HbA1c, unless the test says otherwise. */
export function reportFactory(overrides: Partial<Report> = {}): Report {
  const id = overrides.id ?? nextId();
  const effectiveAt = overrides.effectiveAt ?? '2026-03-01T14:00:00.000Z';
  const observations = (overrides.observations ?? [observationFactory({ effectiveAt })]).map(
    (o) => ({ ...o, reportId: id }),
  );
  const releaseState = overrides.releaseState ?? 'released';
  return {
    id,
    patientId: nextId(),
    category: 'laboratory',
    code: '4548-4',
    title: 'Hemoglobin A1c',
    status: 'final',
    effectiveAt,
    issuedAt: '2026-03-01T16:00:00.000Z',
    abnormal: observations.some((o) => o.abnormal),
    isNew: false,
    releasedAt: releaseState === 'released' ? '2026-03-01T16:00:00.000Z' : null,
    orderingProvider: RECORDER,
    observationCount: observations.length,
    hasAttachment: false,
    corrected: false,
    narrative: null,
    attachmentName: null,
    version: 1,
    ...overrides,
    releaseState,
    observations,
  } as Report;
}

/** A report as lists show it: without its values. */
export function reportSummary(report: Report): ReportSummary {
  const { observations: _o, narrative: _n, attachmentName: _a, ...summary } = report;
  return summary as ReportSummary;
}

/** A problem+json answer: `status`, a stable `code` and the words the API uses. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<Problem> = {},
): Problem {
  return problemFactory({ status, code, title: extra.title ?? 'Refused', detail, ...extra });
}
