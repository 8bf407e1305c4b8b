import type { JsonResponse, Problem } from '@portal/api-client';
import { locationFactory, nextId, problemFactory, resultReportFactory } from '@portal/api-mocks';

/*
 * The staff app's answer factories: one filled-in answer per shape, typed by the OpenAPI
 * document; a test overrides what it is about. The clinic catalog's and the record's
 * factories are the shared ones in @portal/api-mocks.
 */

export type Patient = JsonResponse<'getPatient', 200>;
export type Invitation = JsonResponse<'createInvitation', 201>;
export type StaffMember = JsonResponse<'createStaff', 201>;
export type AuditEvent = JsonResponse<'listAuditEvents', 200>['items'][number];
export type Condition = JsonResponse<'getCondition', 200>;
export type Medication = JsonResponse<'getMedication', 200>;
export type Report = JsonResponse<'getResult', 200>;
export type Observation = Report['observations'][number];
export type ReportSummary = JsonResponse<'listResults', 200>['items'][number];
export type ScheduleItem = JsonResponse<'listSchedule', 200>['items'][number];

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

/**
 * A booked 30-minute visit on a calendar (GET /api/v1/schedule), starting an hour from now at
 * a New York clinic; `provider`, `location` and `patient` are whole objects to override.
 */
export function scheduleItemFactory(overrides: Partial<ScheduleItem> = {}): ScheduleItem {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 60 * 60_000).toISOString();
  const patientId = overrides.patient?.id ?? nextId();
  return {
    id: nextId(),
    patientId,
    status: 'booked',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    provider: { id: nextId(), displayName: 'Dr. Priya Patel', specialty: 'Family medicine' },
    location: locationFactory({ name: 'North Clinic', timeZone: 'America/New_York' }),
    visitType: { id: nextId(), name: 'Follow-up visit', durationMinutes: 30 },
    reason: null,
    bookedBy: 'staff',
    createdAt: new Date(Date.parse(startsAt) - 7 * DAY).toISOString(),
    cancelledAt: null,
    cancelReason: null,
    version: 1,
    changeableUntil: new Date(Date.parse(startsAt) - DAY).toISOString(),
    canChangeOnline: true,
    patient: { id: patientId, displayName: 'Alexandra Rivera', mrn: 'M00100001' },
    ...overrides,
  };
}

export { conditionFactory, medicationFactory, observationFactory } from '@portal/api-mocks';

/** A released final lab report with one normal HbA1c; a held one has no release time. */
export function reportFactory(overrides: Partial<Report> = {}): Report {
  const report = resultReportFactory(overrides);
  return report.releaseState === 'held' && overrides.releasedAt === undefined
    ? { ...report, releasedAt: null }
    : report;
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
