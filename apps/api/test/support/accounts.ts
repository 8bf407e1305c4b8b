import { AccountsService } from '../../src/modules/accounts/accounts.service.js';
import { PatientsService } from '../../src/modules/patients/patients.service.js';
import { newId } from '../../src/infra/database/ids.js';
import type { StaffRole, SecondFactor } from '../../src/modules/accounts/account.entity.js';
import type { TestApp } from './test-app.js';

/** No letter a–f, so no run of letters in a test's hex id can be "part of the username" in it. */
export const TEST_PASSWORD = 'plum jig hop truss kit';

/** A fresh patient record with a signed-up portal account, unique to the calling test. */
export async function createPatientAccount(
  testApp: TestApp,
  options: { secondFactor?: SecondFactor; totpSecret?: string; email?: string } = {},
) {
  const patient = await testApp.app.get(PatientsService).create({
    givenName: 'Test',
    familyName: `Patient-${newId()}`,
    dateOfBirth: '1980-02-29',
    sex: 'unknown',
  });
  const username = `user-${newId()}`;
  const account = await testApp.app.get(AccountsService).create({
    kind: 'patient',
    username,
    displayName: 'Test',
    email: options.email ?? `${username}@example.test`,
    password: TEST_PASSWORD,
    patientId: patient.id,
    secondFactor: options.secondFactor ?? 'none',
    totpSecret: options.totpSecret ?? null,
  });
  return { patient, account, username };
}

export async function createStaffAccount(
  testApp: TestApp,
  roles: StaffRole[],
  options: { secondFactor?: SecondFactor } = {},
) {
  const username = `staff-${newId()}`;
  const account = await testApp.app.get(AccountsService).create({
    kind: 'staff',
    username,
    displayName: `Staff ${roles.join(' ')}`,
    email: `${username}@example.test`,
    password: TEST_PASSWORD,
    roles,
    secondFactor: options.secondFactor ?? 'none',
  });
  return { account, username };
}
