import {
  createAppointmentsBackend,
  createAuthBackend,
  locationFactory,
  providerFactory,
  sessionFactory,
  visitTypeFactory,
  type AppointmentsBackendOptions,
} from '@portal/api-mocks';
import { server } from '../../testing/server';

/*
 * A small clinic for the appointments tests: two locations in different time zones, two
 * providers, two kinds of visit, and open times in early December 2026. The tests run in UTC,
 * so times written out in New York or Chicago time prove the location's zone is used.
 */

export const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000a7e01';

/** "Now" for these tests: Friday 27 November 2026, 14:00 UTC. */
export const NOW = Date.parse('2026-11-27T14:00:00.000Z');

/** Only Date is faked, so the app's and MSW's timers run as usual. */
export function freezeClock(): void {
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

/** Signs the patient in and serves the clinic above, with whatever the test adds. */
export function useClinic(options: Partial<AppointmentsBackendOptions> = {}) {
  signIn();
  const backend = createAppointmentsBackend({
    patientId: PATIENT_ID,
    locations: [harbor, north],
    providers: [shah, haddad],
    visitTypes: [checkUp, newPatient],
    openTimes,
    ...options,
  });
  server.use(...backend.handlers);
  return backend;
}
