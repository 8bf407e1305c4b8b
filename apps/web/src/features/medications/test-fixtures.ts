import { createAuthBackend, medicationFactory, sessionFactory } from '@portal/api-mocks';
import type { JsonResponse } from '@portal/api-client';
import { mockApi } from '../../testing/mock-api';
import { server } from '../../testing/server';

export const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000e5a01';

type Medication = JsonResponse<'listMedications', 200>['items'][number];
type RefillRequest = JsonResponse<'getPatientRefillRequest', 200>;
type Pharmacy = JsonResponse<'listPharmacies', 200>['items'][number];

/** Signs Ana in. */
export function signIn() {
  const session = sessionFactory({ user: { patientId: PATIENT_ID, displayName: 'Ana Silva' } });
  server.use(...createAuthBackend({ session }).handlers);
}

/** A current medicine of Ana's that can be refilled (2 left), with what a test gives. */
export function medication(overrides: Partial<Medication> = {}): Medication {
  return medicationFactory({
    patientId: PATIENT_ID,
    prescriber: 'Dr. Priya Shah',
    refillsRemaining: 2,
    lastFilledOn: '2026-11-02',
    pharmacy: 'Main Street Pharmacy',
    ...overrides,
  });
}

/**
 * Answers the medications list by status (current and past), the requests and the preferred
 * pharmacy; returns the calls of each.
 */
export function useMedicationsApi({
  current = [],
  past = [],
  requests = [],
  preferred = null,
}: {
  current?: Medication[];
  past?: Medication[];
  requests?: RefillRequest[] | (() => RefillRequest[]);
  preferred?: Pharmacy | null;
}) {
  signIn();
  const medications = mockApi('get', '/api/v1/patients/{patientId}/medications', (call) => ({
    items: call.query.status === 'stopped' ? past : current,
    nextCursor: null,
  }));
  const requestCalls = mockApi('get', '/api/v1/patients/{patientId}/refill-requests', () => ({
    items: typeof requests === 'function' ? requests() : requests,
    nextCursor: null,
  }));
  const preferredCalls = mockApi('get', '/api/v1/patients/{patientId}/preferred-pharmacy', {
    pharmacy: preferred,
  });
  return { medications, requests: requestCalls, preferred: preferredCalls };
}

/** A time as the refill pages write it: in the device's zone, like the app. */
export function writtenOut(iso: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
