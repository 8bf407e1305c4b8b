import {
  createRecordsStaffBackend,
  patientFactory,
  type RecordsStaffBackendOptions,
} from '@portal/api-mocks';
import { server } from '../../../testing/server';
import { signInStaff } from '../../../testing/staff-app';

/** Signs a staff member in with these roles and serves one patient's record and results. */
export function serveRecords(roles: string[], options: RecordsStaffBackendOptions = {}) {
  const patient = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const staff = { id: 'staff-1', displayName: 'Sam Okafor' };
  signInStaff(roles, { patients: [patient], accountId: staff.id, displayName: staff.displayName });
  const records = createRecordsStaffBackend({
    patients: [patient],
    ...options,
    roles,
    staff,
  });
  server.use(...records.handlers);
  return { patient, records };
}
