import { createAuthBackend, sessionFactory } from '@portal/api-mocks';
import { server } from '../../testing/server';

export const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000e4e01';

/** Signs the patient in; each test states the parts of the record it needs. */
export function signIn(): void {
  const session = sessionFactory({ user: { patientId: PATIENT_ID, displayName: 'Ana Silva' } });
  server.use(...createAuthBackend({ session }).handlers);
}

/** Stands in for the browser's file saving; returns what was saved, under which names. */
export function captureDownloads() {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:file-${blobs.length}`;
    }),
    revokeObjectURL: jest.fn(),
  });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return {
    blobs,
    names: () => click.mock.contexts.map((link) => (link as HTMLAnchorElement).download),
    restore: () => click.mockRestore(),
  };
}
