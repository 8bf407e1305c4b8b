import type { JsonRequestBody, JsonResponse, paths, Problem } from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { nextId, problemFactory, problems } from './factories';
import { problemResponse } from './handlers';
import {
  locationFactory,
  providerFactory,
  scheduleProblems,
  visitTypeFactory,
  type MockAppointment,
  type MockLocation,
  type MockOpenSlot,
  type MockProvider,
  type MockVisitType,
} from './schedule-handlers';

/*
 * Appointments as the patient app sees them: the clinic catalog (locations, providers, visit
 * types; factories shared with the staff app's schedule-handlers), open times, and one
 * patient's appointments with booking, rescheduling, cancelling and the calendar file.
 * createAppointmentsBackend keeps them in memory and answers with the API's patient rules,
 * codes and words (apps/api/src/modules/scheduling and appointments), so the SPA is tested
 * against what the API really says.
 */

type MockAppointmentStatus = MockAppointment['status'];
export type BookAppointmentBody = JsonRequestBody<'bookAppointment'>;
export type RescheduleAppointmentBody = JsonRequestBody<'rescheduleAppointment'>;
export type CancelAppointmentBody = JsonRequestBody<'cancelAppointment'>;

type AppointmentList = JsonResponse<'listPatientAppointments', 200>;
type LocationList = JsonResponse<'listLocations', 200>;
type ProviderList = JsonResponse<'listProviders', 200>;
type VisitTypeList = JsonResponse<'listVisitTypes', 200>;
type OpenSlotList = JsonResponse<'findOpenSlots', 200>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Only paths that exist in the generated schema compile, so a renamed route breaks the mocks. */
function apiPath<P extends keyof paths>(path: P): P {
  return path;
}

/** MSW spells path parameters `:name` where OpenAPI spells them `{name}`. */
function mswPath<P extends keyof paths>(path: P): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export const appointmentsPaths = {
  locations: apiPath('/api/v1/locations'),
  providers: apiPath('/api/v1/providers'),
  visitTypes: apiPath('/api/v1/visit-types'),
  slots: apiPath('/api/v1/slots'),
  appointments: mswPath('/api/v1/patients/{patientId}/appointments'),
  appointment: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}'),
  reschedule: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule'),
  cancel: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel'),
  calendar: mswPath('/api/v1/patients/{patientId}/appointments/{appointmentId}/calendar.ics'),
} as const;

// --- factories -------------------------------------------------------------------------

export interface AppointmentViewFactoryOptions {
  location?: MockLocation;
  provider?: Pick<MockProvider, 'id' | 'displayName' | 'specialty'>;
  visitType?: Pick<MockVisitType, 'id' | 'name' | 'durationMinutes'>;
  /** Hours before the start when online changes stop (the API's CANCEL_CUTOFF_HOURS). */
  cutoffHours?: number;
}

/**
 * One appointment as GET …/appointments/{id} answers for a patient: booked, three days ahead,
 * with changeableUntil and canChangeOnline worked out from its start unless given.
 */
export function appointmentViewFactory(
  overrides: Partial<MockAppointment> = {},
  options: AppointmentViewFactoryOptions = {},
): MockAppointment {
  const location = overrides.location ?? options.location ?? locationFactory();
  const provider = overrides.provider ?? options.provider ?? providerFactory();
  const visitType = overrides.visitType ?? options.visitType ?? visitTypeFactory();
  const startsAt =
    overrides.startsAt ?? new Date(Math.ceil((Date.now() + 3 * DAY) / HOUR) * HOUR).toISOString();
  const base: MockAppointment = {
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
  appointment: MockAppointment,
  cutoffHours: number,
  given: { changeableUntil?: string; canChangeOnline?: boolean } = {},
): MockAppointment {
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

// --- problems --------------------------------------------------------------------------

export const appointmentProblems = {
  slotTaken: (): Problem =>
    problemFactory({
      status: 409,
      code: 'slot_taken',
      title: 'That time is no longer available',
      detail: 'Someone else booked it a moment ago. Choose another time.',
    }),
  appointmentChanged: scheduleProblems.appointmentChanged,
  insideCutoff: (location: Pick<MockLocation, 'name' | 'phone'>, hours = 24): Problem =>
    problemFactory({
      status: 422,
      code: 'inside_cutoff',
      title: 'It is too late to change this appointment online',
      detail:
        `Appointments can be changed or cancelled online until ${hours} hours before they start. ` +
        `Please call ${location.name} at ${location.phone} or send a message.`,
    }),
  inPast: scheduleProblems.inPast,
  beyondHorizon: (days: number): Problem => {
    const detail = `Appointments can be booked online up to ${days} days ahead. For a later date, call the clinic.`;
    return problemFactory({
      status: 422,
      code: 'beyond_horizon',
      title: 'That time is too far ahead',
      detail,
      errors: [{ field: 'startsAt', message: detail }],
    });
  },
  outsideHours: (): Problem => {
    const detail =
      'The provider does not see patients at this location at that time. Choose one of the open times.';
    return problemFactory({
      status: 422,
      code: 'outside_hours',
      title: 'The provider is not available then',
      detail,
      errors: [{ field: 'startsAt', message: detail }],
    });
  },
  tooManyBookings: (max: number): Problem =>
    problemFactory({
      status: 422,
      code: 'too_many_bookings',
      title: 'You already have the most upcoming appointments allowed online',
      detail:
        `You can have up to ${max} upcoming appointments booked online at a time. Cancel one you no ` +
        'longer need, or call the clinic to book this one.',
    }),
  overlapsOwnAppointment: (): Problem =>
    problemFactory({
      status: 422,
      code: 'overlaps_own_appointment',
      title: 'You already have an appointment at that time',
      detail: 'This time overlaps another of your appointments. Choose another time.',
      errors: [
        { field: 'startsAt', message: 'Choose a time that does not overlap another appointment.' },
      ],
    }),
  notBookableOnline: (): Problem =>
    problemFactory({
      status: 422,
      code: 'not_bookable_online',
      title: 'This kind of visit cannot be booked online',
      detail: 'Call the clinic to book this kind of visit.',
      errors: [
        { field: 'visitTypeId', message: 'Choose a kind of visit that can be booked online.' },
      ],
    }),
  providerDoesNotOfferVisitType: scheduleProblems.providerDoesNotOfferVisitType,
  newPatientsOnly: (): Problem =>
    problemFactory({
      status: 422,
      code: 'new_patients_only',
      title: 'This kind of visit is for new patients',
      detail:
        'You have been seen here before, so choose a kind of visit for returning patients, or ' +
        'call the clinic.',
      errors: [{ field: 'visitTypeId', message: 'Choose a kind of visit for returning patients.' }],
    }),
  establishedPatientsOnly: (): Problem =>
    problemFactory({
      status: 422,
      code: 'established_patients_only',
      title: 'This kind of visit is for returning patients',
      detail:
        'It is for patients who have had a visit here before. Choose a kind of visit for new ' +
        'patients, or call the clinic.',
      errors: [{ field: 'visitTypeId', message: 'Choose a kind of visit for new patients.' }],
    }),
  notCancellable: (): Problem =>
    problemFactory({
      status: 422,
      code: 'not_cancellable',
      title: 'This appointment can no longer be changed',
      detail: 'It was already cancelled.',
    }),
  appointmentNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'appointment_not_found',
      title: 'Not found',
      detail: 'No appointment was found with this id.',
    }),
  visitTypeNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'visit_type_not_found',
      title: 'Not found',
      detail: 'No visit type that can be booked has this id.',
    }),
  providerNotAvailable: (): Problem =>
    problemFactory({
      status: 422,
      code: 'provider_not_available',
      title: 'Provider not available',
      detail: 'This provider does not exist or is not seeing patients.',
      errors: [{ field: 'providerId', message: 'Choose a provider from the list.' }],
    }),
  locationNotAvailable: (): Problem =>
    problemFactory({
      status: 422,
      code: 'location_not_available',
      title: 'Location not available',
      detail: 'This location does not exist or is closed.',
      errors: [{ field: 'locationId', message: 'Choose an open location from the list.' }],
    }),
  patientNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No such patient.',
    }),
};

// --- the backend -----------------------------------------------------------------------

/** A time the provider is open at a location; the slot lasts as long as the visit type asks. */
export interface MockOpenTime {
  providerId: string;
  locationId: string;
  startsAt: string;
}

export interface AppointmentsBackendOptions {
  /** Whose appointments these are; any other patient id answers 404, as the API does. */
  patientId: string;
  locations?: MockLocation[];
  providers?: MockProvider[];
  visitTypes?: MockVisitType[];
  /** When providers are open; booked times (anyone's) are left out of the open slots. */
  openTimes?: MockOpenTime[];
  /** The patient's appointments, in any order. */
  appointments?: MockAppointment[];
  /** Whether the patient has had a visit before (for new-patient and returning-patient visits). */
  established?: boolean;
  cancelCutoffHours?: number;
  bookingHorizonDays?: number;
  maxFutureOnlineBookings?: number;
}

export interface OpenSlotRequest {
  visitTypeId: string | null;
  providerId: string | null;
  locationId: string | null;
  from: string | null;
  to: string | null;
  limit: string | null;
}

export interface AppointmentsBackendState {
  appointments: MockAppointment[];
  /** Times other patients hold: they block slots and answer slot_taken. */
  otherBookings: { providerId: string; startsAt: string; endsAt: string }[];
  listRequests: { when: string | null; limit: string | null; cursor: string | null }[];
  slotRequests: OpenSlotRequest[];
  bookings: BookAppointmentBody[];
  reschedules: { appointmentId: string; body: RescheduleAppointmentBody }[];
  cancellations: { appointmentId: string; body: CancelAppointmentBody }[];
  calendarDownloads: string[];
}

export interface AppointmentsBackend {
  handlers: HttpHandler[];
  state: AppointmentsBackendState;
  /** Someone else books this time a moment before the patient does. */
  takeTime: (time: MockOpenTime, durationMinutes?: number) => void;
  /** Staff change an appointment (its version goes up), as happens while a page is open. */
  changeAppointment: (appointmentId: string, changes: Partial<MockAppointment>) => void;
}

function csrfRefusal(request: Request): HttpResponse<Problem> | undefined {
  return request.headers.get('X-CSRF-Token') ? undefined : problemResponse(problems.csrf());
}

function overlaps(
  a: { startsAt: string; endsAt: string },
  b: { startsAt: string; endsAt: string },
) {
  return (
    Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt)
  );
}

const ACTIVE: readonly MockAppointmentStatus[] = ['booked', 'arrived'];

/** Offset cursors ("c20"), like the mocks of the other lists. */
function page<T>(
  items: readonly T[],
  url: URL,
  defaultLimit: number,
): { items: T[]; nextCursor: string | null } | Problem {
  const limitParam = url.searchParams.get('limit');
  const limit = limitParam === null ? defaultLimit : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return problems.validation([
      { field: 'limit', message: 'The limit must be a whole number from 1 to 100.' },
    ]);
  }
  const cursor = url.searchParams.get('cursor');
  const start = cursor === null ? 0 : Number(cursor.replace(/^c/, ''));
  if (!Number.isInteger(start) || start < 0) {
    return problems.validation([{ field: 'cursor', message: 'The cursor is not valid.' }]);
  }
  const next = start + limit;
  return { items: items.slice(start, next), nextCursor: next < items.length ? `c${next}` : null };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}

/**
 * The scheduling and appointment endpoints a patient uses, over in-memory data, with the API's
 * rules: open slots leave out booked times and past times; booking checks the time is open,
 * not taken (409 slot_taken), not overlapping the patient's own visits and within the online
 * limits; rescheduling and cancelling need the current version (409 appointment_changed) and
 * are refused inside the cutoff (422 inside_cutoff, naming the location's phone). Fresh state
 * per call.
 */
export function createAppointmentsBackend(
  options: AppointmentsBackendOptions,
): AppointmentsBackend {
  const cutoffHours = options.cancelCutoffHours ?? 24;
  const horizonDays = options.bookingHorizonDays ?? 90;
  const maxBookings = options.maxFutureOnlineBookings ?? 3;
  const locations = options.locations ?? [locationFactory()];
  const visitTypes = options.visitTypes ?? [visitTypeFactory()];
  const providers = options.providers ?? [
    providerFactory({
      visitTypeIds: visitTypes.map((type) => type.id),
      locationIds: locations.map((location) => location.id),
    }),
  ];
  const openTimes = options.openTimes ?? [];
  const state: AppointmentsBackendState = {
    appointments: [...(options.appointments ?? [])],
    otherBookings: [],
    listRequests: [],
    slotRequests: [],
    bookings: [],
    reschedules: [],
    cancellations: [],
    calendarDownloads: [],
  };

  const view = (appointment: MockAppointment): MockAppointment =>
    withChangeWindow(appointment, cutoffHours);
  const onlineTypes = () => visitTypes.filter((type) => type.active && type.bookableOnline);
  const findLocation = (id: string) => locations.find((location) => location.id === id);
  const findProvider = (id: string) => providers.find((provider) => provider.id === id);

  /** Everyone's non-cancelled bookings of one provider, but `except`. */
  const providerBusy = (providerId: string, except?: string) => [
    ...state.otherBookings.filter((booking) => booking.providerId === providerId),
    ...state.appointments.filter(
      (appointment) =>
        appointment.provider.id === providerId &&
        appointment.status !== 'cancelled' &&
        appointment.id !== except,
    ),
  ];

  /** The problem with taking [startsAt, +duration) for this patient, if any. */
  const refuseTime = (
    input: { providerId: string; locationId: string; startsAt: string },
    visitType: MockVisitType,
    except?: string,
  ): Problem | undefined => {
    const start = Date.parse(input.startsAt);
    const wanted = {
      startsAt: input.startsAt,
      endsAt: new Date(start + visitType.durationMinutes * MINUTE).toISOString(),
    };
    if (start <= Date.now()) return appointmentProblems.inPast();
    if (start > Date.now() + horizonDays * DAY)
      return appointmentProblems.beyondHorizon(horizonDays);
    const open = openTimes.some(
      (time) =>
        time.providerId === input.providerId &&
        time.locationId === input.locationId &&
        Date.parse(time.startsAt) === start,
    );
    if (!open) return appointmentProblems.outsideHours();
    const ownOverlap = state.appointments.some(
      (appointment) =>
        appointment.id !== except &&
        ACTIVE.includes(appointment.status) &&
        overlaps(appointment, wanted),
    );
    if (ownOverlap) return appointmentProblems.overlapsOwnAppointment();
    if (providerBusy(input.providerId, except).some((booking) => overlaps(booking, wanted))) {
      return appointmentProblems.slotTaken();
    }
    return undefined;
  };

  const findOwn = (params: { patientId: string; appointmentId: string }) =>
    params.patientId === options.patientId
      ? state.appointments.find((appointment) => appointment.id === params.appointmentId)
      : undefined;

  /** Why this appointment cannot be changed by the patient now, if it cannot. */
  const refuseChange = (appointment: MockAppointment, version: unknown): Problem | undefined => {
    if (version !== appointment.version) return appointmentProblems.appointmentChanged();
    if (appointment.status !== 'booked') return appointmentProblems.notCancellable();
    if (!view(appointment).canChangeOnline) {
      return appointmentProblems.insideCutoff(appointment.location, cutoffHours);
    }
    return undefined;
  };

  const replace = (updated: MockAppointment) => {
    state.appointments = state.appointments.map((appointment) =>
      appointment.id === updated.id ? updated : appointment,
    );
  };

  const handlers: HttpHandler[] = [
    http.get<never, never, LocationList | Problem>(appointmentsPaths.locations, ({ request }) => {
      const active = [...locations]
        .filter((location) => location.active)
        .sort((a, b) => a.name.localeCompare(b.name));
      const result = page(active, new URL(request.url), 50);
      return isProblem(result) ? problemResponse(result) : HttpResponse.json(result);
    }),
    http.get<never, never, ProviderList | Problem>(appointmentsPaths.providers, ({ request }) => {
      const url = new URL(request.url);
      const visitTypeId = url.searchParams.get('visitTypeId');
      const locationId = url.searchParams.get('locationId');
      const matching = providers
        .filter(
          (provider) =>
            provider.active &&
            (!visitTypeId || provider.visitTypeIds.includes(visitTypeId)) &&
            (!locationId || provider.locationIds.includes(locationId)),
        )
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      const result = page(matching, url, 50);
      return isProblem(result) ? problemResponse(result) : HttpResponse.json(result);
    }),
    http.get<never, never, VisitTypeList | Problem>(appointmentsPaths.visitTypes, ({ request }) => {
      const result = page(onlineTypes(), new URL(request.url), 50);
      return isProblem(result) ? problemResponse(result) : HttpResponse.json(result);
    }),
    http.get<never, never, OpenSlotList | Problem>(appointmentsPaths.slots, ({ request }) => {
      const url = new URL(request.url);
      const query: OpenSlotRequest = {
        visitTypeId: url.searchParams.get('visitTypeId'),
        providerId: url.searchParams.get('providerId'),
        locationId: url.searchParams.get('locationId'),
        from: url.searchParams.get('from'),
        to: url.searchParams.get('to'),
        limit: url.searchParams.get('limit'),
      };
      state.slotRequests.push(query);
      const visitType = onlineTypes().find((type) => type.id === query.visitTypeId);
      if (!visitType) return problemResponse(appointmentProblems.visitTypeNotFound());
      const now = Date.now();
      // Patients: from is never before now, to never past the booking horizon.
      const from = Math.max(query.from ? Date.parse(query.from) : now, now);
      const to = Math.min(
        query.to ? Date.parse(query.to) : from + 14 * DAY,
        now + horizonDays * DAY,
      );
      if (Number.isNaN(from) || Number.isNaN(to)) {
        return problemResponse(
          problems.validation([
            { field: 'from', message: 'Use a date and time like 2026-12-01T09:00:00Z.' },
          ]),
        );
      }
      if (to - from > 31 * DAY) {
        return problemResponse(
          problems.validation([{ field: 'to', message: 'Ask for 31 days or fewer at a time.' }]),
        );
      }
      const limit = query.limit === null ? 50 : Number(query.limit);
      const items: MockOpenSlot[] = [];
      for (const time of openTimes) {
        const start = Date.parse(time.startsAt);
        const provider = findProvider(time.providerId);
        const location = findLocation(time.locationId);
        if (
          !provider ||
          !location ||
          !provider.visitTypeIds.includes(visitType.id) ||
          (query.providerId && query.providerId !== provider.id) ||
          (query.locationId && query.locationId !== location.id) ||
          start < from ||
          start >= to
        ) {
          continue;
        }
        const slot = {
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + visitType.durationMinutes * MINUTE).toISOString(),
        };
        if (providerBusy(provider.id).some((booking) => overlaps(booking, slot))) continue;
        items.push({
          ...slot,
          provider: {
            id: provider.id,
            displayName: provider.displayName,
            specialty: provider.specialty,
          },
          location: { id: location.id, name: location.name, timeZone: location.timeZone },
        });
      }
      items.sort(
        (a, b) =>
          Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
          a.provider.displayName.localeCompare(b.provider.displayName),
      );
      return HttpResponse.json({ items: items.slice(0, limit), nextCursor: null });
    }),
    http.get<{ patientId: string }, never, AppointmentList | Problem>(
      appointmentsPaths.appointments,
      ({ request, params }) => {
        const url = new URL(request.url);
        const when = url.searchParams.get('when');
        state.listRequests.push({
          when,
          limit: url.searchParams.get('limit'),
          cursor: url.searchParams.get('cursor'),
        });
        if (params.patientId !== options.patientId) {
          return problemResponse(appointmentProblems.patientNotFound());
        }
        const now = Date.now();
        const upcoming = (appointment: MockAppointment) =>
          ACTIVE.includes(appointment.status) && Date.parse(appointment.endsAt) > now;
        const chosen =
          when === 'past'
            ? state.appointments
                .filter((appointment) => !upcoming(appointment))
                .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
            : state.appointments
                .filter(upcoming)
                .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
        const result = page(chosen.map(view), url, 20);
        return isProblem(result) ? problemResponse(result) : HttpResponse.json(result);
      },
    ),
    http.get<{ patientId: string; appointmentId: string }, never, MockAppointment | Problem>(
      appointmentsPaths.appointment,
      ({ params }) => {
        const appointment = findOwn(params);
        return appointment
          ? HttpResponse.json(view(appointment))
          : problemResponse(appointmentProblems.appointmentNotFound());
      },
    ),
    http.post<{ patientId: string }, BookAppointmentBody, MockAppointment | Problem>(
      appointmentsPaths.appointments,
      async ({ request, params }) => {
        const csrf = csrfRefusal(request);
        if (csrf) return csrf;
        const body = await request.json();
        state.bookings.push(body);
        if (params.patientId !== options.patientId) {
          return problemResponse(appointmentProblems.patientNotFound());
        }
        if (typeof body.reason === 'string' && [...body.reason].length > 1000) {
          return problemResponse(
            problems.validation([
              {
                field: 'reason',
                message: 'Keep the reason for the visit to 1000 characters or fewer.',
              },
            ]),
          );
        }
        const visitType = visitTypes.find((type) => type.id === body.visitTypeId);
        if (!visitType || !visitType.active || !visitType.bookableOnline) {
          return problemResponse(appointmentProblems.notBookableOnline());
        }
        const provider = findProvider(body.providerId);
        if (!provider?.active) return problemResponse(appointmentProblems.providerNotAvailable());
        const location = findLocation(body.locationId);
        if (!location?.active) return problemResponse(appointmentProblems.locationNotAvailable());
        if (!provider.visitTypeIds.includes(visitType.id)) {
          return problemResponse(appointmentProblems.providerDoesNotOfferVisitType());
        }
        if (visitType.patientStatus === 'new' && options.established) {
          return problemResponse(appointmentProblems.newPatientsOnly());
        }
        if (visitType.patientStatus === 'established' && !options.established) {
          return problemResponse(appointmentProblems.establishedPatientsOnly());
        }
        const future = state.appointments.filter(
          (appointment) =>
            appointment.status === 'booked' &&
            appointment.bookedBy === 'patient' &&
            Date.parse(appointment.startsAt) > Date.now(),
        );
        if (future.length >= maxBookings) {
          return problemResponse(appointmentProblems.tooManyBookings(maxBookings));
        }
        const refused = refuseTime(body, visitType);
        if (refused) return problemResponse(refused);
        const booked = view(
          appointmentViewFactory({
            patientId: options.patientId,
            startsAt: new Date(Date.parse(body.startsAt)).toISOString(),
            location,
            provider: {
              id: provider.id,
              displayName: provider.displayName,
              specialty: provider.specialty,
            },
            visitType: {
              id: visitType.id,
              name: visitType.name,
              durationMinutes: visitType.durationMinutes,
            },
            reason: body.reason?.trim() ? body.reason : null,
            createdAt: new Date().toISOString(),
          }),
        );
        state.appointments.push(booked);
        return HttpResponse.json(booked, { status: 201 });
      },
    ),
    http.post<
      { patientId: string; appointmentId: string },
      RescheduleAppointmentBody,
      MockAppointment | Problem
    >(appointmentsPaths.reschedule, async ({ request, params }) => {
      const csrf = csrfRefusal(request);
      if (csrf) return csrf;
      const body = await request.json();
      state.reschedules.push({ appointmentId: params.appointmentId, body });
      const appointment = findOwn(params);
      if (!appointment) return problemResponse(appointmentProblems.appointmentNotFound());
      const notNow = refuseChange(appointment, body.version);
      if (notNow) return problemResponse(notNow);
      const providerId = body.providerId ?? appointment.provider.id;
      const locationId = body.locationId ?? appointment.location.id;
      const provider = findProvider(providerId);
      const location = findLocation(locationId);
      const visitType = visitTypes.find((type) => type.id === appointment.visitType.id);
      if (!provider || !location || !visitType) {
        return problemResponse(appointmentProblems.outsideHours());
      }
      const refused = refuseTime(
        { providerId, locationId, startsAt: body.startsAt },
        visitType,
        appointment.id,
      );
      if (refused) return problemResponse(refused);
      const start = Date.parse(body.startsAt);
      const moved = view({
        ...appointment,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + appointment.visitType.durationMinutes * MINUTE).toISOString(),
        provider: {
          id: provider.id,
          displayName: provider.displayName,
          specialty: provider.specialty,
        },
        location,
        version: appointment.version + 1,
        changeableUntil: '',
      });
      replace(moved);
      return HttpResponse.json(moved);
    }),
    http.post<
      { patientId: string; appointmentId: string },
      CancelAppointmentBody,
      MockAppointment | Problem
    >(appointmentsPaths.cancel, async ({ request, params }) => {
      const csrf = csrfRefusal(request);
      if (csrf) return csrf;
      const body = await request.json();
      state.cancellations.push({ appointmentId: params.appointmentId, body });
      const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
      if (reason.length < 1 || [...reason].length > 500) {
        return problemResponse(
          problems.validation([
            {
              field: 'reason',
              message:
                reason.length < 1
                  ? 'Enter why the appointment is cancelled.'
                  : 'Keep why the appointment is cancelled to 500 characters or fewer.',
            },
          ]),
        );
      }
      const appointment = findOwn(params);
      if (!appointment) return problemResponse(appointmentProblems.appointmentNotFound());
      const notNow = refuseChange(appointment, body.version);
      if (notNow) return problemResponse(notNow);
      const cancelled = view({
        ...appointment,
        status: 'cancelled',
        cancelledAt: new Date().toISOString(),
        cancelReason: reason,
        version: appointment.version + 1,
      });
      replace(cancelled);
      return HttpResponse.json(cancelled);
    }),
    http.get<{ patientId: string; appointmentId: string }>(
      appointmentsPaths.calendar,
      ({ params }) => {
        const appointment = findOwn(params);
        if (!appointment) return problemResponse(appointmentProblems.appointmentNotFound());
        state.calendarDownloads.push(appointment.id);
        return new HttpResponse(calendarFile(appointment), {
          headers: {
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': 'attachment; filename="appointment.ics"',
          },
        });
      },
    ),
  ];

  return {
    handlers,
    state,
    takeTime: (time, durationMinutes = 30) => {
      state.otherBookings.push({
        providerId: time.providerId,
        startsAt: time.startsAt,
        endsAt: new Date(Date.parse(time.startsAt) + durationMinutes * MINUTE).toISOString(),
      });
    },
    changeAppointment: (appointmentId, changes) => {
      const appointment = state.appointments.find((candidate) => candidate.id === appointmentId);
      if (!appointment) {
        throw new Error(`No appointment ${appointmentId} in this backend`);
      }
      replace({ ...appointment, ...changes, version: appointment.version + 1 });
    },
  };
}

function icsTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The calendar file as the API writes it: times in UTC, no reason, no specialty. */
function calendarFile(appointment: MockAppointment): string {
  const { address } = appointment.location;
  const where = [address.line1, address.line2, address.city, address.region, address.postalCode]
    .filter(Boolean)
    .join(', ');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Patient Portal//Appointments//EN',
    'BEGIN:VEVENT',
    `UID:${appointment.id}@portal`,
    `DTSTAMP:${icsTime(new Date().toISOString())}`,
    `DTSTART:${icsTime(appointment.startsAt)}`,
    `DTEND:${icsTime(appointment.endsAt)}`,
    `SUMMARY:Appointment at ${appointment.location.name}`,
    `LOCATION:${where.replace(/,/g, '\\,')}`,
    `STATUS:${appointment.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/**
 * A default for every test of the patient app: no patient has appointments (the home page asks
 * for the next one). Tests about appointments add createAppointmentsBackend on top.
 */
export const noAppointmentsHandlers: HttpHandler[] = [
  http.get<{ patientId: string }, never, AppointmentList>(appointmentsPaths.appointments, () =>
    HttpResponse.json({ items: [], nextCursor: null }),
  ),
];
