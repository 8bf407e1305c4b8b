import { answer, page, signInStaff } from '../../../testing/api';
import { CLINICAL_READS } from '../../../testing/clinical-reads';
import { patientFactory } from '../../../testing/factories';

/**
 * Signs a staff member in with these roles and answers for one patient whose record and
 * results are empty; a test states the answers it is about after this.
 */
export function serveRecords(roles: string[]) {
  const patient = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const staff = signInStaff(roles, { accountId: 'staff-1', displayName: 'Sam Okafor' });
  answer('getPatient', patient);
  const reads = CLINICAL_READS.map((operation) => answer(operation, page([])));
  /** Every read of the record and results, to check nothing clinical was asked for. */
  const clinicalReads = () => reads.flat();
  return { patient, staff: { id: staff.accountId, displayName: staff.displayName }, clinicalReads };
}
