import {
  createStaffAppBackend,
  mockSignedIn,
  nextId,
  staffSessionFactory,
  type StaffAppBackendOptions,
} from '@portal/api-mocks';
import { server } from './server';

export interface SignedInStaffOptions extends Omit<StaffAppBackendOptions, 'roles'> {
  displayName?: string;
  /** The account id of the signed-in person (defaults to a fresh one). */
  accountId?: string;
}

/**
 * Signs a staff member with these roles in, and serves the staff sections' endpoints with
 * the API's role rules for them. Returns the backend, whose state the test can inspect.
 */
export function signInStaff(roles: string[], options: SignedInStaffOptions = {}) {
  const { displayName = 'Sam Okafor', accountId = nextId(), ...backendOptions } = options;
  const backend = createStaffAppBackend({
    ...backendOptions,
    roles,
    selfAccountId: accountId,
  });
  server.use(
    ...mockSignedIn(staffSessionFactory({ user: { id: accountId, displayName, roles } })),
    ...backend.handlers,
  );
  return backend;
}
