import { createAuthBackend, sessionFactory } from '@portal/api-mocks';
import { server } from '../../testing/server';

export const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000e5a01';

/** Signs Ana in; the backend's state lets a test end the session. */
export function signIn() {
  const session = sessionFactory({ user: { patientId: PATIENT_ID, displayName: 'Ana Silva' } });
  const backend = createAuthBackend({ session });
  server.use(...backend.handlers);
  return backend;
}

/** A time as the messages pages write it: in the device's zone, like the app. */
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

/** A UUID, as crypto.randomUUID makes them. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
