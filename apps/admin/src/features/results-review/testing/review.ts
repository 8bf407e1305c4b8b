import {
  createRecordsStaffBackend,
  patientFactory,
  type RecordsStaffBackendOptions,
} from '@portal/api-mocks';
import { server } from '../../../testing/server';
import { signInStaff } from '../../../testing/staff-app';

/** Signs a staff member in with these roles and serves the results routes for two patients. */
export function serveResults(roles: string[], options: RecordsStaffBackendOptions = {}) {
  const alex = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const jordan = patientFactory({ givenName: 'Jordan', familyName: 'Lee' });
  signInStaff(roles, { patients: [alex, jordan] });
  const results = createRecordsStaffBackend({ patients: [alex, jordan], ...options, roles });
  server.use(...results.handlers);
  return { alex, jordan, results };
}
