import type { Problem } from '@portal/api-client';
import {
  createAuthBackend,
  locationFactory,
  problemFactory,
  providerFactory,
  scheduleProblems,
  sessionFactory,
  visitTypeFactory,
} from '@portal/api-mocks';
import { appointmentViewFactory, pageOf } from '../../testing/factories';
import { inTurn, mockApi, type MockCall } from '../../testing/mock-api';
import { server } from '../../testing/server';
import type { Appointment, OpenSlot } from './api';

/*
 * A small clinic for the appointments tests: two locations in different time zones, two
 * providers, two kinds of visit, and open times in early December 2026. The tests run in UTC,
 * so times written out in New York or Chicago time prove the location's zone is used.
 */

export const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000a7e01';

/** "Now" for these tests: Friday 27 November 2026, 14:00 UTC. */
export const NOW = Date.parse('2026-11-27T14:00:00.000Z');

/** Only Date is faked, so the app's and MSW's timers run as usual. */
function freezeClock(): void {
  jest.useFakeTimers({
    now: NOW,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** Each test of the file at NOW (freezeClock), with the real clock back after it. */
export function atFrozenClock(): void {
  beforeEach(() => freezeClock());
  afterEach(() => jest.useRealTimers());
}

export const harbor = locationFactory({
  name: 'Harbor Clinic',
  timeZone: 'America/New_York',
  phone: '+1 555 010 3000',
  address: {
    line1: '25 Water Street',
    line2: 'Floor 3',
    city: 'New York',
    region: 'NY',
    postalCode: '10004',
    country: 'US',
  },
  arrivalInstructions: 'Use the side door on Pearl Street.\nThe lift is on the left.',
  mapUrl: 'https://www.openstreetmap.org/search?query=25%20Water%20Street%2C%20New%20York',
});

export const north = locationFactory({
  name: 'North Clinic',
  timeZone: 'America/Chicago',
  phone: '+1 555 010 2000',
});

export const checkUp = visitTypeFactory({
  name: 'Check-up',
  description: 'A routine visit with your doctor.',
  durationMinutes: 30,
});

export const newPatient = visitTypeFactory({
  name: 'New patient visit',
  description: 'Your first visit with us.',
  durationMinutes: 60,
  patientStatus: 'new',
});

export const shah = providerFactory({
  displayName: 'Dr. Priya Shah',
  specialty: 'Family medicine',
  visitTypeIds: [checkUp.id, newPatient.id],
  locationIds: [harbor.id, north.id],
});

export const haddad = providerFactory({
  displayName: 'Dr. Omar Haddad',
  specialty: 'Internal medicine',
  visitTypeIds: [checkUp.id],
  locationIds: [north.id],
});

/** Open times: Tuesday 1 December at Harbor (9:30 and 10:00 New York time), 2 December in Chicago. */
export const openTimes = [
  { providerId: shah.id, locationId: harbor.id, startsAt: '2026-12-01T14:30:00.000Z' },
  { providerId: shah.id, locationId: harbor.id, startsAt: '2026-12-01T15:00:00.000Z' },
  { providerId: haddad.id, locationId: north.id, startsAt: '2026-12-02T15:00:00.000Z' },
];

export function signIn() {
  const session = sessionFactory({ user: { patientId: PATIENT_ID, displayName: 'Ana Silva' } });
  server.use(...createAuthBackend({ session }).handlers);
}

/** The clinic's open times as GET /slots answers them (each is a check-up slot here). */
export type OpenTime = (typeof openTimes)[number];

export function slotOf(time: OpenTime, durationMinutes = 30, cutoffHours = 24): OpenSlot {
  const changeableUntil = Date.parse(time.startsAt) - cutoffHours * 3_600_000;
  const provider = [shah, haddad].find((candidate) => candidate.id === time.providerId)!;
  const location = [harbor, north].find((candidate) => candidate.id === time.locationId)!;
  return {
    startsAt: time.startsAt,
    endsAt: new Date(Date.parse(time.startsAt) + durationMinutes * 60_000).toISOString(),
    provider: { id: provider.id, displayName: provider.displayName, specialty: provider.specialty },
    location: { id: location.id, name: location.name, timeZone: location.timeZone },
    changeableUntil: new Date(changeableUntil).toISOString(),
    canChangeOnline: Date.now() < changeableUntil,
  };
}

/** The open times asked for: these, in the days asked for, for the provider or location chosen. */
export function openSlotsFor(call: MockCall, times: readonly OpenTime[] = openTimes): OpenSlot[] {
  return times
    .map((time) => slotOf(time))
    .filter(
      (slot) =>
        (!call.query.providerId || slot.provider.id === call.query.providerId) &&
        (!call.query.locationId || slot.location.id === call.query.locationId) &&
        (!call.query.from || slot.startsAt >= call.query.from) &&
        (!call.query.to || slot.startsAt < call.query.to),
    );
}

/**
 * Signs the patient in and answers the clinic above: its kinds of visit, who offers each, its
 * locations and its open times. Returns what was asked for.
 */
export function serveClinic({ times = openTimes }: { times?: readonly OpenTime[] } = {}) {
  signIn();
  return {
    visitTypes: mockApi('get', '/api/v1/visit-types', pageOf([checkUp, newPatient])),
    providers: mockApi('get', '/api/v1/providers', ({ query }) =>
      pageOf(
        [shah, haddad].filter((provider) => provider.visitTypeIds.includes(query.visitTypeId!)),
      ),
    ),
    locations: mockApi('get', '/api/v1/locations', pageOf([harbor, north])),
    slots: mockApi('get', '/api/v1/slots', (call) => pageOf(openSlotsFor(call, times))),
  };
}

/** One of the patient's visits, at Harbor with Dr. Shah for a check-up unless given. */
export function visitOf(overrides: Partial<Appointment> = {}, cutoffHours = 24): Appointment {
  return appointmentViewFactory(
    { patientId: PATIENT_ID, ...overrides },
    { location: harbor, provider: shah, visitType: checkUp, cutoffHours },
  );
}

/** The visit as the API answers once it is moved to this open time. */
export function movedTo(appointment: Appointment, time: OpenTime): Appointment {
  const slot = slotOf(time, appointment.visitType.durationMinutes);
  const location = [harbor, north].find((candidate) => candidate.id === time.locationId)!;
  return {
    ...appointment,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    provider: slot.provider,
    location,
    version: appointment.version + 1,
  };
}

/** Answers GET …/appointments/{id} with this visit (then with each of `later` in turn). */
export function serveVisit(appointment: Appointment, ...later: Appointment[]) {
  return mockApi(
    'get',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}',
    inTurn(appointment, ...later),
  );
}

/** The problems the appointment endpoints answer with, in the API's codes and words. */
export const appointmentProblems = {
  slotTaken: (): Problem =>
    problemFactory({
      status: 409,
      code: 'slot_taken',
      title: 'That time is no longer available',
      detail: 'Someone else booked it a moment ago. Choose another time.',
    }),
  appointmentChanged: scheduleProblems.appointmentChanged,
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
  appointmentNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'appointment_not_found',
      title: 'Not found',
      detail: 'No appointment was found with this id.',
    }),
};
