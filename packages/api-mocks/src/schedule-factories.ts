import type { JsonResponse, Problem } from '@portal/api-client';
import { nextId, problemFactory } from './factories';

/*
 * The scheduling shapes tests build answers from (the clinic catalog, providers' hours and
 * exceptions, appointments), typed by the OpenAPI document, with the fields a test cares
 * about given as overrides. The answers themselves are stated by each test.
 */

export type MockLocation = JsonResponse<'listLocations', 200>['items'][number];
export type MockProvider = JsonResponse<'listProviders', 200>['items'][number];
export type MockVisitType = JsonResponse<'listVisitTypes', 200>['items'][number];
type MockAvailability = JsonResponse<'getProviderAvailability', 200>;
export type MockAvailabilityRule = MockAvailability['rules'][number];
export type MockAvailabilityException = MockAvailability['exceptions'][number];
type MockAppointment = JsonResponse<'getAppointment', 200>;
export type MockReminder = NonNullable<MockAppointment['reminders']>[number];
export type MockAppointmentStatus = MockAppointment['status'];

const MINUTE = 60_000;

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

/** An appointment by ids; tests turn it into the nested views the API answers with. */
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
  /** Reminder states to report (none unless stated). */
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

/** Problems the booking endpoints answer with; codes and words mirror the API. */
export const scheduleProblems = {
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
};
