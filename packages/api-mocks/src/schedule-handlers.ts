import {
  OPERATION_PERMISSIONS,
  permissionsOf,
  type JsonRequestBody,
  type JsonResponse,
  type paths,
  type Problem,
  type ProblemFieldError,
} from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { nextId, problemFactory, problems } from './factories';
import { problemResponse } from './handlers';

/*
 * Scheduling for the staff app: the clinic catalog (locations, providers, visit types),
 * providers' weekly hours and exceptions, open times, the schedule and a patient's
 * appointments. createScheduleBackend is a small stateful stand-in that follows the API's
 * rules and words closely enough for the screens to meet every answer they handle.
 */

export type MockLocation = JsonResponse<'listLocations', 200>['items'][number];
export type MockProvider = JsonResponse<'listProviders', 200>['items'][number];
export type MockVisitType = JsonResponse<'listVisitTypes', 200>['items'][number];
export type MockAvailability = JsonResponse<'getProviderAvailability', 200>;
export type MockAvailabilityRule = MockAvailability['rules'][number];
export type MockAvailabilityException = MockAvailability['exceptions'][number];
export type MockScheduleConflict = JsonResponse<'listScheduleConflicts', 200>['items'][number];
export type MockOpenSlot = JsonResponse<'findOpenSlots', 200>['items'][number];
export type MockAppointment = JsonResponse<'getAppointment', 200>;
export type MockReminder = NonNullable<MockAppointment['reminders']>[number];
export type MockScheduleAppointment = JsonResponse<'listSchedule', 200>['items'][number];
export type MockAppointmentStatus = MockAppointment['status'];

type CreateLocationBody = JsonRequestBody<'createLocation'>;
type UpdateLocationBody = JsonRequestBody<'updateLocation'>;
type CreateProviderBody = JsonRequestBody<'createProvider'>;
type UpdateProviderBody = JsonRequestBody<'updateProvider'>;
type CreateVisitTypeBody = JsonRequestBody<'createVisitType'>;
type UpdateVisitTypeBody = JsonRequestBody<'updateVisitType'>;
type ReplaceAvailabilityBody = JsonRequestBody<'replaceWeeklyAvailability'>;
type AddExceptionBody = JsonRequestBody<'addAvailabilityException'>;
type BookBody = JsonRequestBody<'bookAppointment'>;
type RescheduleBody = JsonRequestBody<'rescheduleAppointment'>;
type CancelBody = JsonRequestBody<'cancelAppointment'>;
type StatusBody = JsonRequestBody<'setAppointmentStatus'>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The API's default reminder offsets (REMINDER_OFFSETS_HOURS "72,24"), in minutes. */
const REMINDER_OFFSETS = [4320, 1440];
const CANCEL_CUTOFF_HOURS = 24;

function apiPath<P extends keyof paths>(path: P): P {
  return path;
}

/** MSW spells path parameters `:name` where OpenAPI spells them `{name}`. */
function mswPath<P extends keyof paths>(path: P): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export const schedulePaths = {
  locations: apiPath('/api/v1/locations'),
  location: mswPath('/api/v1/locations/{locationId}'),
  providers: apiPath('/api/v1/providers'),
  provider: mswPath('/api/v1/providers/{providerId}'),
  visitTypes: apiPath('/api/v1/visit-types'),
  visitType: mswPath('/api/v1/visit-types/{visitTypeId}'),
  availability: mswPath('/api/v1/providers/{providerId}/availability'),
  exceptions: mswPath('/api/v1/providers/{providerId}/exceptions'),
  exception: mswPath('/api/v1/providers/{providerId}/exceptions/{exceptionId}'),
  conflicts: mswPath('/api/v1/providers/{providerId}/conflicts'),
  slots: apiPath('/api/v1/slots'),
  schedule: apiPath('/api/v1/schedule'),
  patientAppointments: mswPath('/api/v1/patients/{patientId}/appointments'),
  appointment: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}'),
  reschedule: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule'),
  cancel: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel'),
  status: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}/status'),
} as const;

// --- time zones (Intl only, like the SPAs) ------------------------------------------------

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wall(instant: number, timeZone: string) {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const date = [
    String(parts['year']).padStart(4, '0'),
    String(parts['month']).padStart(2, '0'),
    String(parts['day']).padStart(2, '0'),
  ].join('-');
  const hour = (parts['hour'] ?? 0) % 24;
  const minute = parts['minute'] ?? 0;
  const asUtc = Date.UTC(
    parts['year'] ?? 0,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    hour,
    minute,
  );
  return {
    date,
    minutes: hour * 60 + minute,
    offset: asUtc - Math.floor(instant / MINUTE) * MINUTE,
  };
}

/** The instant a zone's clocks show a date and 'HH:MM' (first occurrence; gaps move forward). */
function zonedInstant(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  const first = asUtc - wall(asUtc, timeZone).offset;
  const second = asUtc - wall(first, timeZone).offset;
  const target = (hour ?? 0) * 60 + (minute ?? 0);
  const exact = [first, second].filter((t) => {
    const w = wall(t, timeZone);
    return w.date === date && w.minutes === target;
  });
  return exact.length > 0 ? Math.min(...exact) : Math.max(first, second);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

// --- factories -------------------------------------------------------------------------

function mapUrl(address: MockLocation['address']): string {
  const text = [address.line1, address.line2, address.city, address.region, address.postalCode]
    .filter(Boolean)
    .join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(text)}`;
}

/** An active clinic location in Chicago unless the test says otherwise. */
export function locationFactory(overrides: Partial<MockLocation> = {}): MockLocation {
  const address = overrides.address ?? {
    line1: '400 North Avenue',
    city: 'Chicago',
    region: 'IL',
    postalCode: '60610',
    country: 'US',
  };
  return {
    id: nextId(),
    name: 'North Clinic',
    phone: '+1 555 010 2000',
    timeZone: 'America/Chicago',
    arrivalInstructions: null,
    active: true,
    ...overrides,
    address,
    mapUrl: overrides.mapUrl ?? mapUrl(address),
  };
}

export function providerFactory(overrides: Partial<MockProvider> = {}): MockProvider {
  return {
    id: nextId(),
    displayName: 'Dr. Priya Patel',
    specialty: 'Family medicine',
    bio: null,
    active: true,
    accountId: null,
    visitTypeIds: [],
    locationIds: [],
    ...overrides,
  };
}

export function visitTypeFactory(overrides: Partial<MockVisitType> = {}): MockVisitType {
  return {
    id: nextId(),
    name: 'Follow-up visit',
    description: null,
    durationMinutes: 30,
    bookableOnline: true,
    patientStatus: 'any',
    active: true,
    ...overrides,
  };
}

/** Weekly hours Monday 9:00–17:00, valid since the start of 2026. */
export function availabilityRuleFactory(
  overrides: Partial<MockAvailabilityRule> & Pick<MockAvailabilityRule, 'locationId'>,
): MockAvailabilityRule {
  return {
    id: nextId(),
    weekday: 1,
    startTime: '09:00',
    endTime: '17:00',
    validFrom: '2026-01-01',
    validUntil: null,
    ...overrides,
  };
}

export function availabilityExceptionFactory(
  overrides: Partial<MockAvailabilityException> &
    Pick<MockAvailabilityException, 'startsAt' | 'endsAt'>,
): MockAvailabilityException {
  return {
    id: nextId(),
    kind: 'time-off',
    locationId: null,
    note: null,
    createdAt: '2026-11-01T12:00:00.000Z',
    ...overrides,
  };
}

/** An appointment as the backend keeps it: ids, not the nested views the API answers with. */
export interface MockAppointmentRecord {
  id: string;
  patientId: string;
  providerId: string;
  locationId: string;
  visitTypeId: string;
  status: MockAppointmentStatus;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  bookedBy: 'patient' | 'staff';
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  version: number;
  /** Reminder states to report; left out, they follow from the offsets and the clock. */
  reminders?: MockReminder[];
}

export function appointmentRecordFactory(
  overrides: Partial<MockAppointmentRecord> &
    Pick<MockAppointmentRecord, 'patientId' | 'providerId' | 'locationId' | 'visitTypeId'>,
): MockAppointmentRecord {
  const startsAt = overrides.startsAt ?? '2026-12-01T15:00:00.000Z';
  return {
    id: nextId(),
    status: 'booked',
    endsAt: new Date(Date.parse(startsAt) + 30 * MINUTE).toISOString(),
    reason: null,
    bookedBy: 'staff',
    createdAt: '2026-11-20T15:00:00.000Z',
    cancelledAt: null,
    cancelReason: null,
    version: 1,
    ...overrides,
    startsAt,
  };
}

/** Problems these endpoints answer with; codes and words mirror the API. */
export const scheduleProblems = {
  forbidden: (): Problem =>
    problemFactory({
      status: 403,
      code: 'forbidden',
      title: 'You do not have permission to do this',
      detail: 'Your role does not allow this action.',
    }),
  notFound: (code: string, detail: string): Problem =>
    problemFactory({ status: 404, code, title: 'Not found', detail }),
  slotTaken: (): Problem =>
    problemFactory({
      status: 409,
      code: 'slot_taken',
      title: 'That time is no longer available',
      detail: 'Someone else booked it a moment ago. Choose another time.',
    }),
  appointmentChanged: (): Problem =>
    problemFactory({
      status: 409,
      code: 'appointment_changed',
      title: 'This appointment was changed meanwhile',
      detail:
        'Someone changed this appointment after it was loaded. Load it again, then try once more.',
    }),
  inPast: (): Problem =>
    problemFactory({
      status: 422,
      code: 'in_past',
      title: 'That time has already passed',
      detail: 'Choose a time later than now.',
      errors: [{ field: 'startsAt', message: 'Choose a time later than now.' }],
    }),
  outsideHours: (): Problem =>
    problemFactory({
      status: 422,
      code: 'outside_hours',
      title: 'The provider is not available then',
      detail:
        'The provider does not see patients at this location at that time. Choose one of the open times.',
    }),
  overlapsOwnAppointment: (): Problem =>
    problemFactory({
      status: 422,
      code: 'overlaps_own_appointment',
      title: 'The patient already has an appointment at that time',
      detail: 'This time overlaps another appointment of this patient. Choose another time.',
    }),
  providerDoesNotOfferVisitType: (): Problem =>
    problemFactory({
      status: 422,
      code: 'provider_does_not_offer_visit_type',
      title: 'This provider does not offer this kind of visit',
      detail: 'Choose another provider, or another kind of visit.',
      errors: [
        { field: 'providerId', message: 'Choose a provider who offers this kind of visit.' },
      ],
    }),
  notCancellable: (): Problem =>
    problemFactory({
      status: 422,
      code: 'not_cancellable',
      title: 'This appointment can no longer be changed',
      detail: 'It can no longer be changed.',
    }),
  statusNotAllowed: (detail: string): Problem =>
    problemFactory({
      status: 422,
      code: 'status_not_allowed',
      title: 'That status cannot be set now',
      detail,
      errors: [{ field: 'status', message: detail }],
    }),
  locationNotAvailable: (field = 'locationId'): Problem =>
    problemFactory({
      status: 422,
      code: 'location_not_available',
      title: 'Location not available',
      detail: 'This location does not exist or is closed.',
      errors: [{ field, message: 'Choose an open location from the list.' }],
    }),
  locationNameTaken: (): Problem =>
    problemFactory({
      status: 409,
      code: 'location_name_taken',
      title: 'Name already used',
      detail: 'Another location already has this name.',
      errors: [
        { field: 'name', message: 'Another location already has this name. Choose another one.' },
      ],
    }),
  visitTypeNameTaken: (): Problem =>
    problemFactory({
      status: 409,
      code: 'visit_type_name_taken',
      title: 'Name already used',
      detail: 'Another visit type already has this name.',
      errors: [
        { field: 'name', message: 'Another visit type already has this name. Choose another one.' },
      ],
    }),
};

// --- backend ---------------------------------------------------------------------------

export type ScheduleOperation =
  | 'listLocations'
  | 'createLocation'
  | 'updateLocation'
  | 'listProviders'
  | 'getProvider'
  | 'createProvider'
  | 'updateProvider'
  | 'listVisitTypes'
  | 'createVisitType'
  | 'updateVisitType'
  | 'getProviderAvailability'
  | 'replaceWeeklyAvailability'
  | 'addAvailabilityException'
  | 'deleteAvailabilityException'
  | 'listScheduleConflicts'
  | 'findOpenSlots'
  | 'listSchedule'
  | 'listPatientAppointments'
  | 'getAppointment'
  | 'bookAppointment'
  | 'rescheduleAppointment'
  | 'cancelAppointment'
  | 'setAppointmentStatus';

/** A call the schedule backend received, for tests to inspect. */
export interface ScheduleCall {
  operation: ScheduleOperation;
  /** The request URL; query parameters are in `url.searchParams`. */
  url: URL;
  /** Path parameters (patientId, providerId, …). */
  params: Record<string, string>;
  /** The JSON body of a POST, PUT or PATCH, when it had one. */
  body?: unknown;
}

type MockPatient = JsonResponse<'getPatient', 200>;

export interface ScheduleBackendOptions {
  locations?: MockLocation[];
  providers?: MockProvider[];
  visitTypes?: MockVisitType[];
  /** Weekly hours by provider id. */
  rules?: Record<string, MockAvailabilityRule[]>;
  /** Time off and extra hours by provider id. */
  exceptions?: Record<string, MockAvailabilityException[]>;
  appointments?: MockAppointmentRecord[];
  /** Patients the appointments belong to (names and MRNs in the schedule). */
  patients?: MockPatient[];
  /** When given, calls these roles do not allow answer 403 as the API does. */
  roles?: readonly string[];
  /** The backend's clock (ms); defaults to the real one. */
  now?: number;
}

export interface ScheduleBackendState {
  locations: MockLocation[];
  providers: MockProvider[];
  visitTypes: MockVisitType[];
  rules: Record<string, MockAvailabilityRule[]>;
  exceptions: Record<string, MockAvailabilityException[]>;
  appointments: MockAppointmentRecord[];
  patients: MockPatient[];
  calls: ScheduleCall[];
}

export interface ScheduleBackend {
  handlers: HttpHandler[];
  state: ScheduleBackendState;
  callsTo: (operation: ScheduleOperation) => ScheduleCall[];
  /** Changes an appointment behind the screen's back (another person's edit): version + 1. */
  touchAppointment: (id: string, changes?: Partial<MockAppointmentRecord>) => void;
}

function json(body: object, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status });
}

function paginate<T>(items: T[], url: URL, fallback: number, idOf: (item: T) => string) {
  const raw = Number(url.searchParams.get('limit') ?? fallback);
  const limit = Number.isInteger(raw) && raw >= 1 && raw <= 100 ? raw : fallback;
  const cursor = url.searchParams.get('cursor');
  const start = cursor ? items.findIndex((item) => idOf(item) === cursor) + 1 : 0;
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: start + limit < items.length && last ? idOf(last) : null };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
}

interface Window {
  locationId: string;
  start: number;
  end: number;
}

/** Subtracts [start, end) from each window. */
function subtract(windows: Window[], start: number, end: number): Window[] {
  return windows.flatMap((w) => {
    if (end <= w.start || start >= w.end) return [w];
    const parts: Window[] = [];
    if (start > w.start) parts.push({ ...w, end: start });
    if (end < w.end) parts.push({ ...w, start: end });
    return parts;
  });
}

export function createScheduleBackend(options: ScheduleBackendOptions = {}): ScheduleBackend {
  const state: ScheduleBackendState = {
    locations: [...(options.locations ?? [])],
    providers: [...(options.providers ?? [])],
    visitTypes: [...(options.visitTypes ?? [])],
    rules: { ...(options.rules ?? {}) },
    exceptions: { ...(options.exceptions ?? {}) },
    appointments: [...(options.appointments ?? [])],
    patients: [...(options.patients ?? [])],
    calls: [],
  };
  const now = () => options.now ?? Date.now();

  // Records the call, then refuses it as the API would: a state change without the CSRF
  // header, or roles without the operation's permission (the generated table, not retyped).
  const held = options.roles ? permissionsOf('staff', options.roles) : undefined;
  const enter = async (
    operation: ScheduleOperation,
    request: Request,
    params: Record<string, string | readonly string[] | undefined>,
  ): Promise<{ refused?: Response; body?: unknown }> => {
    let body: unknown;
    if (request.method !== 'GET' && request.headers.get('Content-Type')?.includes('json')) {
      body = await request.json();
    }
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string') flat[key] = value;
    }
    state.calls.push({ operation, url: new URL(request.url), params: flat, body });
    if (request.method !== 'GET' && !request.headers.get('X-CSRF-Token')) {
      return { refused: problemResponse(problems.csrf()) };
    }
    const needed = OPERATION_PERMISSIONS[operation]?.permission;
    if (held && needed && !held.includes(needed)) {
      return { refused: problemResponse(scheduleProblems.forbidden()) };
    }
    return { body };
  };

  const location = (id: string | null | undefined) => state.locations.find((l) => l.id === id);
  const provider = (id: string | null | undefined) => state.providers.find((p) => p.id === id);
  const visitType = (id: string | null | undefined) => state.visitTypes.find((v) => v.id === id);
  const patient = (id: string | null | undefined) => state.patients.find((p) => p.id === id);
  const appointment = (patientId: string, id: string) =>
    state.appointments.find((a) => a.id === id && a.patientId === patientId);

  const providerView = (p: MockProvider): MockProvider => {
    const today = new Date(now()).toISOString().slice(0, 10);
    const fromRules = (state.rules[p.id] ?? [])
      .filter((rule) => !rule.validUntil || rule.validUntil >= today)
      .map((rule) => rule.locationId);
    const locationIds = [...new Set([...p.locationIds, ...fromRules])];
    return { ...p, locationIds };
  };

  /** Open windows of a provider between two instants: weekly hours − time off + extra hours. */
  const openWindows = (providerId: string, from: number, to: number): Window[] => {
    let windows: Window[] = [];
    for (const rule of state.rules[providerId] ?? []) {
      const zone = location(rule.locationId)?.timeZone ?? 'UTC';
      const firstDay = new Date(from - DAY).toISOString().slice(0, 10);
      const lastDay = new Date(to + DAY).toISOString().slice(0, 10);
      for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
        if (isoWeekday(day) !== rule.weekday) continue;
        if (day < rule.validFrom || (rule.validUntil && day > rule.validUntil)) continue;
        const start = zonedInstant(day, rule.startTime, zone);
        const end = zonedInstant(day, rule.endTime, zone);
        if (end > from && start < to) windows.push({ locationId: rule.locationId, start, end });
      }
    }
    for (const exception of state.exceptions[providerId] ?? []) {
      const start = Date.parse(exception.startsAt);
      const end = Date.parse(exception.endsAt);
      if (exception.kind === 'time-off') windows = subtract(windows, start, end);
    }
    for (const exception of state.exceptions[providerId] ?? []) {
      const start = Date.parse(exception.startsAt);
      const end = Date.parse(exception.endsAt);
      if (exception.kind === 'extra-hours' && exception.locationId && end > from && start < to) {
        windows.push({ locationId: exception.locationId, start, end });
      }
    }
    return windows.sort((a, b) => a.start - b.start);
  };

  const withinHours = (
    record: Pick<MockAppointmentRecord, 'providerId' | 'locationId' | 'startsAt' | 'endsAt'>,
  ) => {
    const start = Date.parse(record.startsAt);
    const end = Date.parse(record.endsAt);
    return openWindows(record.providerId, start - DAY, end + DAY).some(
      (w) => w.locationId === record.locationId && w.start <= start && w.end >= end,
    );
  };

  const conflicts = (providerId: string): MockScheduleConflict[] =>
    state.appointments
      .filter(
        (a) =>
          a.providerId === providerId && a.status === 'booked' && Date.parse(a.startsAt) > now(),
      )
      .filter((a) => !withinHours(a))
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
      .map((a) => {
        const p = patient(a.patientId);
        const inTimeOff = (state.exceptions[providerId] ?? []).some(
          (e) =>
            e.kind === 'time-off' &&
            Date.parse(e.startsAt) < Date.parse(a.endsAt) &&
            Date.parse(e.endsAt) > Date.parse(a.startsAt),
        );
        return {
          appointmentId: a.id,
          patientId: a.patientId,
          patientName: p ? `${p.givenName} ${p.familyName}` : 'Unknown patient',
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          locationId: a.locationId,
          visitTypeName: visitType(a.visitTypeId)?.name ?? '',
          problem: inTimeOff ? 'time-off' : 'outside-hours',
        };
      });

  const reminders = (a: MockAppointmentRecord): MockReminder[] => {
    if (a.reminders) return a.reminders;
    return REMINDER_OFFSETS.map((offsetMinutes) => {
      const due = Date.parse(a.startsAt) - offsetMinutes * MINUTE;
      const dueAt = new Date(due).toISOString();
      if (a.status === 'cancelled') {
        return { offsetMinutes, dueAt, state: 'skipped', detail: 'The appointment was cancelled.' };
      }
      if (due < Date.parse(a.createdAt)) {
        return {
          offsetMinutes,
          dueAt,
          state: 'not-scheduled',
          detail: 'Booked after this reminder was due.',
        };
      }
      return { offsetMinutes, dueAt, state: due <= now() ? 'sent' : 'scheduled', detail: null };
    });
  };

  const appointmentView = (a: MockAppointmentRecord): MockAppointment => {
    const p = provider(a.providerId);
    const v = visitType(a.visitTypeId);
    const changeableUntil = new Date(Date.parse(a.startsAt) - CANCEL_CUTOFF_HOURS * HOUR);
    return {
      id: a.id,
      patientId: a.patientId,
      status: a.status,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      provider: {
        id: a.providerId,
        displayName: p?.displayName ?? '',
        specialty: p?.specialty ?? '',
      },
      location: location(a.locationId) ?? locationFactory({ id: a.locationId }),
      visitType: {
        id: a.visitTypeId,
        name: v?.name ?? '',
        durationMinutes: v?.durationMinutes ?? 30,
      },
      reason: a.reason,
      bookedBy: a.bookedBy,
      createdAt: a.createdAt,
      cancelledAt: a.cancelledAt,
      cancelReason: a.cancelReason,
      version: a.version,
      changeableUntil: changeableUntil.toISOString(),
      canChangeOnline: a.status === 'booked' && now() < changeableUntil.getTime(),
      reminders: reminders(a),
    } as MockAppointment;
  };

  const scheduleView = (a: MockAppointmentRecord): MockScheduleAppointment => {
    const { reminders: _reminders, ...view } = appointmentView(a);
    const p = patient(a.patientId);
    return {
      ...view,
      patient: {
        id: a.patientId,
        displayName: p ? `${p.givenName} ${p.familyName}` : 'Unknown patient',
        mrn: p?.mrn ?? '',
      },
    } as MockScheduleAppointment;
  };

  const replaceAppointment = (next: MockAppointmentRecord) => {
    state.appointments = state.appointments.map((a) => (a.id === next.id ? next : a));
    return next;
  };

  /** The checks staff bookings pass: future, within hours, no double booking, no own overlap. */
  const bookingProblem = (
    candidate: Pick<
      MockAppointmentRecord,
      'id' | 'patientId' | 'providerId' | 'locationId' | 'startsAt' | 'endsAt'
    >,
  ): Problem | undefined => {
    if (Date.parse(candidate.startsAt) < now()) return scheduleProblems.inPast();
    if (!withinHours(candidate)) return scheduleProblems.outsideHours();
    const overlaps = (a: MockAppointmentRecord) =>
      a.id !== candidate.id &&
      a.status !== 'cancelled' &&
      Date.parse(a.startsAt) < Date.parse(candidate.endsAt) &&
      Date.parse(a.endsAt) > Date.parse(candidate.startsAt);
    if (state.appointments.some((a) => a.providerId === candidate.providerId && overlaps(a))) {
      return scheduleProblems.slotTaken();
    }
    if (
      state.appointments.some(
        (a) =>
          a.patientId === candidate.patientId &&
          (a.status === 'booked' || a.status === 'arrived') &&
          overlaps(a),
      )
    ) {
      return scheduleProblems.overlapsOwnAppointment();
    }
    return undefined;
  };

  const ruleErrors = (rules: ReplaceAvailabilityBody['rules']): ProblemFieldError[] => {
    const errors: ProblemFieldError[] = [];
    rules.forEach((rule, index) => {
      const at = (field: string) => `rules[${index}].${field}`;
      for (const field of ['startTime', 'endTime'] as const) {
        if (!TIME.test(rule[field])) {
          errors.push({ field: at(field), message: 'Enter the time as HH:MM, like 09:30.' });
        } else if (minutesOf(rule[field]) % 5 !== 0) {
          errors.push({
            field: at(field),
            message: 'Use a time on a 5-minute step, like 09:05.',
          });
        }
      }
      if (
        TIME.test(rule.startTime) &&
        TIME.test(rule.endTime) &&
        minutesOf(rule.endTime) <= minutesOf(rule.startTime)
      ) {
        errors.push({
          field: at('endTime'),
          message: 'The end time must be after the start time.',
        });
      }
    });
    rules.forEach((rule, index) => {
      const clash = rules.findIndex(
        (other, otherIndex) =>
          otherIndex < index &&
          other.weekday === rule.weekday &&
          minutesOf(other.startTime) < minutesOf(rule.endTime) &&
          minutesOf(other.endTime) > minutesOf(rule.startTime) &&
          (!other.validUntil || !rule.validFrom || other.validUntil >= rule.validFrom) &&
          (!rule.validUntil || !other.validFrom || rule.validUntil >= other.validFrom),
      );
      if (clash >= 0) {
        errors.push({
          field: `rules[${index}].startTime`,
          message: `These hours overlap row ${clash + 1} on the same weekday.`,
        });
      }
    });
    return errors;
  };

  const handlers: HttpHandler[] = [
    // Locations
    http.get(schedulePaths.locations, async ({ request, params }) => {
      const { refused } = await enter('listLocations', request, params);
      if (refused) return refused;
      const items = [...state.locations].sort((a, b) => a.name.localeCompare(b.name));
      return json(paginate(items, new URL(request.url), 50, (l) => l.id));
    }),
    http.post(schedulePaths.locations, async ({ request, params }) => {
      const { refused, body } = await enter('createLocation', request, params);
      if (refused) return refused;
      const input = body as CreateLocationBody;
      const errors: ProblemFieldError[] = [];
      if (!input.name?.trim()) errors.push({ field: 'name', message: 'Enter the name.' });
      if (!isKnownTimeZone(input.timeZone ?? '')) {
        errors.push({
          field: 'timeZone',
          message: 'Choose a time zone from the list, like America/Chicago.',
        });
      }
      if (errors.length) return problemResponse(problems.validation(errors));
      const name = input.name.trim().toLowerCase();
      if (state.locations.some((l) => l.name.toLowerCase() === name)) {
        return problemResponse(scheduleProblems.locationNameTaken());
      }
      const created = locationFactory({
        name: input.name.trim(),
        address: input.address,
        phone: input.phone,
        timeZone: input.timeZone,
        arrivalInstructions: input.arrivalInstructions ?? null,
      });
      state.locations.push(created);
      return json(created, 201);
    }),
    http.patch(schedulePaths.location, async ({ request, params }) => {
      const { refused, body } = await enter('updateLocation', request, params);
      if (refused) return refused;
      const current = location(params['locationId'] as string);
      if (!current)
        return problemResponse(
          scheduleProblems.notFound('location_not_found', 'No clinic location has this id.'),
        );
      const changes = body as UpdateLocationBody;
      if (changes.timeZone !== undefined && !isKnownTimeZone(changes.timeZone)) {
        return problemResponse(
          problems.validation([
            {
              field: 'timeZone',
              message: 'Choose a time zone from the list, like America/Chicago.',
            },
          ]),
        );
      }
      const next = { ...current, ...changes } as MockLocation;
      next.mapUrl = mapUrl(next.address);
      state.locations = state.locations.map((l) => (l.id === next.id ? next : l));
      return json(next);
    }),

    // Providers
    http.get(schedulePaths.providers, async ({ request, params }) => {
      const { refused } = await enter('listProviders', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const visitTypeId = url.searchParams.get('visitTypeId');
      const locationId = url.searchParams.get('locationId');
      const items = state.providers
        .map(providerView)
        .filter(
          (p) =>
            (!visitTypeId || p.visitTypeIds.includes(visitTypeId)) &&
            (!locationId || p.locationIds.includes(locationId)),
        )
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return json(paginate(items, url, 50, (p) => p.id));
    }),
    http.get(schedulePaths.provider, async ({ request, params }) => {
      const { refused } = await enter('getProvider', request, params);
      if (refused) return refused;
      const found = provider(params['providerId'] as string);
      return found
        ? json(providerView(found))
        : problemResponse(
            scheduleProblems.notFound('provider_not_found', 'No provider has this id.'),
          );
    }),
    http.post(schedulePaths.providers, async ({ request, params }) => {
      const { refused, body } = await enter('createProvider', request, params);
      if (refused) return refused;
      const input = body as CreateProviderBody;
      const errors: ProblemFieldError[] = [];
      if (!input.displayName?.trim()) {
        errors.push({ field: 'displayName', message: 'Enter the name patients will see.' });
      }
      if (!input.specialty?.trim()) {
        errors.push({ field: 'specialty', message: 'Enter the specialty.' });
      }
      if (errors.length) return problemResponse(problems.validation(errors));
      const created = providerFactory({
        displayName: input.displayName.trim(),
        specialty: input.specialty.trim(),
        bio: input.bio ?? null,
        accountId: input.accountId ?? null,
        visitTypeIds: input.visitTypeIds ?? [],
      });
      state.providers.push(created);
      return json(created, 201);
    }),
    http.patch(schedulePaths.provider, async ({ request, params }) => {
      const { refused, body } = await enter('updateProvider', request, params);
      if (refused) return refused;
      const current = provider(params['providerId'] as string);
      if (!current)
        return problemResponse(
          scheduleProblems.notFound('provider_not_found', 'No provider has this id.'),
        );
      const next = { ...current, ...(body as UpdateProviderBody) } as MockProvider;
      state.providers = state.providers.map((p) => (p.id === next.id ? next : p));
      return json(providerView(next));
    }),

    // Visit types
    http.get(schedulePaths.visitTypes, async ({ request, params }) => {
      const { refused } = await enter('listVisitTypes', request, params);
      if (refused) return refused;
      const items = [...state.visitTypes].sort((a, b) => a.name.localeCompare(b.name));
      return json(paginate(items, new URL(request.url), 50, (v) => v.id));
    }),
    http.post(schedulePaths.visitTypes, async ({ request, params }) => {
      const { refused, body } = await enter('createVisitType', request, params);
      if (refused) return refused;
      const input = body as CreateVisitTypeBody;
      const errors: ProblemFieldError[] = [];
      if (!input.name?.trim()) errors.push({ field: 'name', message: 'Enter the name.' });
      const duration = input.durationMinutes;
      if (!Number.isInteger(duration) || duration < 5 || duration > 480 || duration % 5 !== 0) {
        errors.push({
          field: 'durationMinutes',
          message: 'Enter a length from 5 to 480 minutes, in steps of 5.',
        });
      }
      if (errors.length) return problemResponse(problems.validation(errors));
      const name = input.name.trim();
      if (state.visitTypes.some((v) => v.name.toLowerCase() === name.toLowerCase())) {
        return problemResponse(scheduleProblems.visitTypeNameTaken());
      }
      const created = visitTypeFactory({
        name,
        description: input.description ?? null,
        durationMinutes: duration,
        bookableOnline: input.bookableOnline,
        patientStatus: input.patientStatus,
      });
      state.visitTypes.push(created);
      return json(created, 201);
    }),
    http.patch(schedulePaths.visitType, async ({ request, params }) => {
      const { refused, body } = await enter('updateVisitType', request, params);
      if (refused) return refused;
      const current = visitType(params['visitTypeId'] as string);
      if (!current)
        return problemResponse(
          scheduleProblems.notFound(
            'visit_type_not_found',
            'No visit type that can be booked has this id.',
          ),
        );
      const next = { ...current, ...(body as UpdateVisitTypeBody) } as MockVisitType;
      state.visitTypes = state.visitTypes.map((v) => (v.id === next.id ? next : v));
      return json(next);
    }),

    // Availability
    http.get(schedulePaths.availability, async ({ request, params }) => {
      const { refused } = await enter('getProviderAvailability', request, params);
      if (refused) return refused;
      const providerId = params['providerId'] as string;
      if (!provider(providerId)) {
        return problemResponse(
          scheduleProblems.notFound('provider_not_found', 'No provider has this id.'),
        );
      }
      return json({
        providerId,
        rules: state.rules[providerId] ?? [],
        exceptions: (state.exceptions[providerId] ?? [])
          .filter((e) => Date.parse(e.endsAt) > now())
          .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)),
      });
    }),
    http.put(schedulePaths.availability, async ({ request, params }) => {
      const { refused, body } = await enter('replaceWeeklyAvailability', request, params);
      if (refused) return refused;
      const providerId = params['providerId'] as string;
      if (!provider(providerId)) {
        return problemResponse(
          scheduleProblems.notFound('provider_not_found', 'No provider has this id.'),
        );
      }
      const input = (body as ReplaceAvailabilityBody).rules ?? [];
      const errors = ruleErrors(input);
      if (errors.length) return problemResponse(problems.validation(errors));
      if (input.some((rule) => !location(rule.locationId)?.active)) {
        return problemResponse(scheduleProblems.locationNotAvailable());
      }
      const today = new Date(now()).toISOString().slice(0, 10);
      state.rules[providerId] = input.map((rule) => ({
        id: nextId(),
        locationId: rule.locationId,
        weekday: rule.weekday,
        startTime: rule.startTime,
        endTime: rule.endTime,
        validFrom: rule.validFrom ?? today,
        validUntil: rule.validUntil ?? null,
      }));
      return json({ rules: state.rules[providerId], conflicts: conflicts(providerId) });
    }),
    http.post(schedulePaths.exceptions, async ({ request, params }) => {
      const { refused, body } = await enter('addAvailabilityException', request, params);
      if (refused) return refused;
      const providerId = params['providerId'] as string;
      if (!provider(providerId)) {
        return problemResponse(
          scheduleProblems.notFound('provider_not_found', 'No provider has this id.'),
        );
      }
      const input = body as AddExceptionBody;
      const start = Date.parse(input.startsAt);
      const end = Date.parse(input.endsAt);
      const errors: ProblemFieldError[] = [];
      if (!(end > start)) {
        errors.push({ field: 'endsAt', message: 'The end must be after the start.' });
      } else if (end - start > 31 * DAY) {
        errors.push({ field: 'endsAt', message: 'Keep it to 31 days or fewer.' });
      }
      if (input.kind === 'extra-hours' && !input.locationId) {
        errors.push({ field: 'locationId', message: 'Choose the location of the extra hours.' });
      }
      if (input.kind === 'time-off' && input.locationId) {
        errors.push({ field: 'locationId', message: 'Time off applies to every location.' });
      }
      if (errors.length) return problemResponse(problems.validation(errors));
      const exception = availabilityExceptionFactory({
        kind: input.kind,
        locationId: input.locationId ?? null,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(end).toISOString(),
        note: input.note ?? null,
        createdAt: new Date(now()).toISOString(),
      });
      state.exceptions[providerId] = [...(state.exceptions[providerId] ?? []), exception];
      return json({ exception, conflicts: conflicts(providerId) }, 201);
    }),
    http.delete(schedulePaths.exception, async ({ request, params }) => {
      const { refused } = await enter('deleteAvailabilityException', request, params);
      if (refused) return refused;
      const providerId = params['providerId'] as string;
      const id = params['exceptionId'] as string;
      const list = state.exceptions[providerId] ?? [];
      if (!list.some((e) => e.id === id)) {
        return problemResponse(
          scheduleProblems.notFound(
            'availability_exception_not_found',
            'This provider has no time off or extra hours with this id.',
          ),
        );
      }
      state.exceptions[providerId] = list.filter((e) => e.id !== id);
      return json({ conflicts: conflicts(providerId) });
    }),
    http.get(schedulePaths.conflicts, async ({ request, params }) => {
      const { refused } = await enter('listScheduleConflicts', request, params);
      if (refused) return refused;
      return json({ items: conflicts(params['providerId'] as string) });
    }),

    // Open times
    http.get(schedulePaths.slots, async ({ request, params }) => {
      const { refused } = await enter('findOpenSlots', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const type = visitType(url.searchParams.get('visitTypeId'));
      if (!type)
        return problemResponse(
          scheduleProblems.notFound(
            'visit_type_not_found',
            'No visit type that can be booked has this id.',
          ),
        );
      const providerId = url.searchParams.get('providerId');
      const locationId = url.searchParams.get('locationId');
      const from = Math.max(Date.parse(url.searchParams.get('from') ?? '') || now(), now());
      const to = Date.parse(url.searchParams.get('to') ?? '') || from + 14 * DAY;
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const step = type.durationMinutes * MINUTE;
      const slots: MockOpenSlot[] = [];
      for (const p of state.providers) {
        if (!p.active || (providerId && p.id !== providerId)) continue;
        if (!p.visitTypeIds.includes(type.id)) continue;
        for (const w of openWindows(p.id, from, to)) {
          const at = location(w.locationId);
          if (!at || (locationId && at.id !== locationId)) continue;
          for (let start = w.start; start + step <= w.end; start += step) {
            if (start < from || start >= to) continue;
            const end = start + step;
            const busy = state.appointments.some(
              (a) =>
                a.providerId === p.id &&
                a.status !== 'cancelled' &&
                Date.parse(a.startsAt) < end &&
                Date.parse(a.endsAt) > start,
            );
            if (busy) continue;
            slots.push({
              startsAt: new Date(start).toISOString(),
              endsAt: new Date(end).toISOString(),
              provider: { id: p.id, displayName: p.displayName, specialty: p.specialty },
              location: { id: at.id, name: at.name, timeZone: at.timeZone },
              // The API's default cutoff of 24 hours.
              changeableUntil: new Date(start - DAY).toISOString(),
              canChangeOnline: now() < start - DAY,
            });
          }
        }
      }
      slots.sort(
        (a, b) =>
          Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
          a.provider.displayName.localeCompare(b.provider.displayName),
      );
      return json({ items: slots.slice(0, limit), nextCursor: null });
    }),

    // The schedule
    http.get(schedulePaths.schedule, async ({ request, params }) => {
      const { refused } = await enter('listSchedule', request, params);
      if (refused) return refused;
      const url = new URL(request.url);
      const providerId = url.searchParams.get('providerId');
      const locationId = url.searchParams.get('locationId');
      const from = Date.parse(url.searchParams.get('from') ?? '');
      const to = Date.parse(url.searchParams.get('to') ?? '');
      if (!providerId === !locationId) {
        return problemResponse(
          problems.validation([
            { field: 'providerId', message: 'Choose either a provider or a location.' },
          ]),
        );
      }
      if (!(to > from) || to - from > 8 * DAY) {
        return problemResponse(
          problems.validation([{ field: 'to', message: 'Ask for at most 8 days at a time.' }]),
        );
      }
      const includeCancelled = url.searchParams.get('includeCancelled') === 'true';
      const items = state.appointments
        .filter(
          (a) =>
            (providerId ? a.providerId === providerId : a.locationId === locationId) &&
            (includeCancelled || a.status !== 'cancelled') &&
            Date.parse(a.startsAt) < to &&
            Date.parse(a.endsAt) > from,
        )
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
        .map(scheduleView);
      const hours = providerId
        ? openWindows(providerId, from, to).map((w) => ({
            providerId,
            locationId: w.locationId,
            startsAt: new Date(w.start).toISOString(),
            endsAt: new Date(w.end).toISOString(),
          }))
        : [];
      return json({ items, hours, truncated: false });
    }),

    // A patient's appointments
    http.get(schedulePaths.patientAppointments, async ({ request, params }) => {
      const { refused } = await enter('listPatientAppointments', request, params);
      if (refused) return refused;
      const patientId = params['patientId'] as string;
      const url = new URL(request.url);
      const upcoming = url.searchParams.get('when') !== 'past';
      const isUpcoming = (a: MockAppointmentRecord) =>
        (a.status === 'booked' || a.status === 'arrived') && Date.parse(a.endsAt) > now();
      const items = state.appointments
        .filter((a) => a.patientId === patientId && isUpcoming(a) === upcoming)
        .sort((a, b) =>
          upcoming
            ? Date.parse(a.startsAt) - Date.parse(b.startsAt)
            : Date.parse(b.startsAt) - Date.parse(a.startsAt),
        )
        .map(appointmentView);
      return json(paginate(items, url, 20, (a) => a.id));
    }),
    http.get(schedulePaths.appointment, async ({ request, params }) => {
      const { refused } = await enter('getAppointment', request, params);
      if (refused) return refused;
      const found = appointment(params['patientId'] as string, params['appointmentId'] as string);
      return found
        ? json(appointmentView(found))
        : problemResponse(
            scheduleProblems.notFound(
              'appointment_not_found',
              'No appointment was found with this id.',
            ),
          );
    }),
    http.post(schedulePaths.patientAppointments, async ({ request, params }) => {
      const { refused, body } = await enter('bookAppointment', request, params);
      if (refused) return refused;
      const patientId = params['patientId'] as string;
      const input = body as BookBody;
      const type = visitType(input.visitTypeId);
      const who = provider(input.providerId);
      if (!type || !type.active) {
        return problemResponse(
          scheduleProblems.notFound(
            'visit_type_not_found',
            'No visit type that can be booked has this id.',
          ),
        );
      }
      if (!who || !who.active) {
        return problemResponse(
          scheduleProblems.notFound('provider_not_found', 'No provider has this id.'),
        );
      }
      if (!location(input.locationId)?.active) {
        return problemResponse(scheduleProblems.locationNotAvailable());
      }
      if (!who.visitTypeIds.includes(type.id)) {
        return problemResponse(scheduleProblems.providerDoesNotOfferVisitType());
      }
      const start = Date.parse(input.startsAt);
      const record = appointmentRecordFactory({
        patientId,
        providerId: who.id,
        locationId: input.locationId,
        visitTypeId: type.id,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + type.durationMinutes * MINUTE).toISOString(),
        reason: input.reason ?? null,
        createdAt: new Date(now()).toISOString(),
      });
      const refusal = bookingProblem(record);
      if (refusal) return problemResponse(refusal);
      state.appointments.push(record);
      return json(appointmentView(record), 201);
    }),
    http.post(schedulePaths.reschedule, async ({ request, params }) => {
      const { refused, body } = await enter('rescheduleAppointment', request, params);
      if (refused) return refused;
      const found = appointment(params['patientId'] as string, params['appointmentId'] as string);
      if (!found)
        return problemResponse(
          scheduleProblems.notFound(
            'appointment_not_found',
            'No appointment was found with this id.',
          ),
        );
      const input = body as RescheduleBody;
      if (input.version !== found.version)
        return problemResponse(scheduleProblems.appointmentChanged());
      if (found.status !== 'booked') return problemResponse(scheduleProblems.notCancellable());
      const start = Date.parse(input.startsAt);
      const duration = Date.parse(found.endsAt) - Date.parse(found.startsAt);
      const next: MockAppointmentRecord = {
        ...found,
        providerId: input.providerId ?? found.providerId,
        locationId: input.locationId ?? found.locationId,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + duration).toISOString(),
        version: found.version + 1,
        reminders: undefined,
      };
      const refusal = bookingProblem(next);
      if (refusal) return problemResponse(refusal);
      return json(appointmentView(replaceAppointment(next)));
    }),
    http.post(schedulePaths.cancel, async ({ request, params }) => {
      const { refused, body } = await enter('cancelAppointment', request, params);
      if (refused) return refused;
      const found = appointment(params['patientId'] as string, params['appointmentId'] as string);
      if (!found)
        return problemResponse(
          scheduleProblems.notFound(
            'appointment_not_found',
            'No appointment was found with this id.',
          ),
        );
      const input = body as CancelBody;
      if (!input.reason?.trim() || input.reason.length > 500) {
        return problemResponse(
          problems.validation([
            { field: 'reason', message: 'Say why the appointment is cancelled.' },
          ]),
        );
      }
      if (input.version !== found.version)
        return problemResponse(scheduleProblems.appointmentChanged());
      if (found.status !== 'booked' && found.status !== 'arrived') {
        return problemResponse(scheduleProblems.notCancellable());
      }
      const next = replaceAppointment({
        ...found,
        status: 'cancelled',
        cancelledAt: new Date(now()).toISOString(),
        cancelReason: input.reason.trim(),
        version: found.version + 1,
      });
      return json(appointmentView(next));
    }),
    http.post(schedulePaths.status, async ({ request, params }) => {
      const { refused, body } = await enter('setAppointmentStatus', request, params);
      if (refused) return refused;
      const found = appointment(params['patientId'] as string, params['appointmentId'] as string);
      if (!found)
        return problemResponse(
          scheduleProblems.notFound(
            'appointment_not_found',
            'No appointment was found with this id.',
          ),
        );
      const input = body as StatusBody;
      if (input.version !== found.version)
        return problemResponse(scheduleProblems.appointmentChanged());
      if (found.status === 'cancelled') return problemResponse(scheduleProblems.notCancellable());
      if (input.status === 'completed' && Date.parse(found.startsAt) > now()) {
        return problemResponse(
          scheduleProblems.statusNotAllowed('A visit can be marked completed once it has started.'),
        );
      }
      const next = replaceAppointment({
        ...found,
        status: input.status,
        version: found.version + 1,
      });
      return json(appointmentView(next));
    }),
  ];

  return {
    handlers,
    state,
    callsTo: (operation) => state.calls.filter((call) => call.operation === operation),
    touchAppointment: (id, changes = {}) => {
      const found = state.appointments.find((a) => a.id === id);
      if (found) replaceAppointment({ ...found, ...changes, version: found.version + 1 });
    },
  };
}
