import { answer, page, signInStaff } from '../../../testing/api';
import { patientFactory } from '../../../testing/factories';

/** The record lists of the medical record tab, one operation each. */
export const RECORD_LISTS = [
  'listConditions',
  'listAllergies',
  'listImmunizations',
  'listVisitSummaries',
  'listCarePlans',
] as const;

/**
 * Signs a staff member in with these roles and answers for one patient whose record and
 * results are empty; a test states the answers it is about after this.
 */
export function serveRecords(roles: string[]) {
  const patient = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const staff = signInStaff(roles, { accountId: 'staff-1', displayName: 'Sam Okafor' });
  answer('getPatient', patient);
  const lists = RECORD_LISTS.map((operation) => answer(operation, page([])));
  const results = answer('listResults', page([]));
  const vitals = answer('listVitals', page([]));
  /** Every read of the record and results, to check nothing clinical was asked for. */
  const clinicalReads = () => [...lists.flat(), ...results, ...vitals];
  return { patient, staff: { id: staff.accountId, displayName: staff.displayName }, clinicalReads };
}
