import type { JsonResponse } from '@portal/api-client';
import { locationFactory, nextId, providerFactory, visitTypeFactory } from '@portal/api-mocks';

export {
  observationFactory,
  vitalSignFactory,
  resultReportFactory,
  conditionFactory,
  allergyFactory,
  immunizationFactory,
  visitSummaryFactory,
  carePlanFactory,
} from '@portal/api-mocks';

/*
 * The few shapes the patient app's tests build answers from: each is a plausible answer of
 * the API, typed by its OpenAPI document, with the fields a test cares about given as
 * overrides. The answers themselves are stated by each test (see mock-api.ts).
 */

type Appointment = JsonResponse<'getAppointment', 200>;
type Location = JsonResponse<'listLocations', 200>['items'][number];
type Provider = JsonResponse<'listProviders', 200>['items'][number];
type VisitType = JsonResponse<'listVisitTypes', 200>['items'][number];
type HealthSummary = JsonResponse<'getHealthSummary', 200>;
type ResultReport = JsonResponse<'getResult', 200>;
type ResultSummary = JsonResponse<'listResults', 200>['items'][number];
type RegistrationInvitation = JsonResponse<'checkRegistrationInvitation', 200>;
type AccessLogEntry = JsonResponse<'getPatientAccessLog', 200>['items'][number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An empty health summary for any patient: nothing recorded, no new results. */
export function emptyHealthSummary(patientId: string): HealthSummary {
  return {
    patient: { id: patientId, displayName: 'Ana Silva', dateOfBirth: '1961-04-12' },
    activeConditions: [],
    allergies: [],
    recentImmunizations: [],
    latestVitals: [],
    recentResults: [],
    newResultsCount: 0,
    activeCarePlans: [],
    lastVisitSummary: null,
  };
}

/** A tiny but real PDF document, as the downloads return. */
export function fakePdf(title: string): string {
  return `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
}

export interface AppointmentViewFactoryOptions {
  location?: Location;
  provider?: Pick<Provider, 'id' | 'displayName' | 'specialty'>;
  visitType?: Pick<VisitType, 'id' | 'name' | 'durationMinutes'>;
  /** Hours before the start when online changes stop (the API's CANCEL_CUTOFF_HOURS). */
  cutoffHours?: number;
}

/**
 * One appointment as GET …/appointments/{id} answers for a patient: booked, three days ahead,
 * with changeableUntil and canChangeOnline worked out from its start unless given.
 */
export function appointmentViewFactory(
  overrides: Partial<Appointment> = {},
  options: AppointmentViewFactoryOptions = {},
): Appointment {
  const location = overrides.location ?? options.location ?? locationFactory();
  const provider = overrides.provider ?? options.provider ?? providerFactory();
  const visitType = overrides.visitType ?? options.visitType ?? visitTypeFactory();
  const startsAt =
    overrides.startsAt ?? new Date(Math.ceil((Date.now() + 3 * DAY) / HOUR) * HOUR).toISOString();
  const base: Appointment = {
    id: nextId(),
    patientId: nextId(),
    status: 'booked',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + visitType.durationMinutes * MINUTE).toISOString(),
    provider: {
      id: provider.id,
      displayName: provider.displayName,
      specialty: provider.specialty,
    },
    location,
    visitType: {
      id: visitType.id,
      name: visitType.name,
      durationMinutes: visitType.durationMinutes,
    },
    reason: null,
    bookedBy: 'patient',
    createdAt: new Date(Date.now() - DAY).toISOString(),
    cancelledAt: null,
    cancelReason: null,
    version: 1,
    changeableUntil: '',
    canChangeOnline: false,
    ...overrides,
  };
  return withChangeWindow(base, options.cutoffHours ?? 24, {
    changeableUntil: overrides.changeableUntil,
    canChangeOnline: overrides.canChangeOnline,
  });
}

/** changeableUntil = start − cutoff; canChangeOnline = booked and before it (unless given). */
function withChangeWindow(
  appointment: Appointment,
  cutoffHours: number,
  given: { changeableUntil?: string; canChangeOnline?: boolean } = {},
): Appointment {
  const changeableUntil =
    given.changeableUntil ||
    new Date(Date.parse(appointment.startsAt) - cutoffHours * HOUR).toISOString();
  return {
    ...appointment,
    changeableUntil,
    canChangeOnline:
      given.canChangeOnline ??
      (appointment.status === 'booked' && Date.now() < Date.parse(changeableUntil)),
  };
}

/** What GET /registration/invitation answers for a usable link. */
export function registrationInvitationFactory(
  overrides: Partial<RegistrationInvitation> = {},
): RegistrationInvitation {
  return {
    status: 'valid',
    clinicName: 'Riverside Family Clinic',
    expiresAt: new Date(Date.now() + 6 * 24 * 60 * 60_000).toISOString(),
    identityMethods: ['date-of-birth', 'email-code'],
    maskedEmail: 'an***@example.com',
    ...overrides,
  };
}

let accessSequence = 0;

/** One line of the access log; each call is a minute older than the one before. */
export function accessLogEntryFactory(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  accessSequence += 1;
  return {
    occurredAt: new Date(Date.UTC(2026, 2, 2, 15, 0) - accessSequence * 60_000).toISOString(),
    staffName: 'Nico Navarro, RN',
    staffRoles: ['nurse'],
    action: 'patient.read',
    description: 'Viewed your demographics',
    ...overrides,
  };
}

/** A report as the results list shows it (the list leaves out the values and the narrative). */
export function resultSummaryOf(report: ResultReport): ResultSummary {
  const { narrative: _narrative, attachmentName: _name, observations: _obs, ...summary } = report;
  return summary;
}

/** A page of a list: these items, and no more unless a cursor is given. */
export function pageOf<T>(items: T[], nextCursor: string | null = null) {
  return { items, nextCursor };
}
