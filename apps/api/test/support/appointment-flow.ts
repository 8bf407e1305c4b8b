import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createPatientAccount, TEST_PASSWORD } from './accounts.js';
import type { BrowserClient } from './browser-client.js';
import type { TestClinic } from './clinic.js';
import { newBrowser } from './invitation-flow.js';
import type { TestApp } from './test-app.js';

/**
 * A patient with a portal account, signed in in a browser of their own. Appointment emails
 * go to the email on the patient record: a unique one, or none when `email` is null.
 */
export async function signedInPatient(testApp: TestApp, options: { email?: string | null } = {}) {
  const created = await createPatientAccount(testApp);
  const email = options.email === undefined ? `${created.username}@example.test` : options.email;
  const db = testApp.app.get<DataSource>(getDataSourceToken());
  await db.query(`UPDATE patient SET email = $2 WHERE id = $1`, [created.patient.id, email]);
  const browser = newBrowser(testApp);
  const login = await browser.login(created.username, TEST_PASSWORD);
  if (login.status !== 200 || login.body?.status !== 'signed-in') {
    throw new Error(`patient sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return Object.assign(browser, {
    patient: { ...created.patient, email },
    username: created.username,
  });
}

export function bookingBody(
  clinic: TestClinic,
  startsAt: Date,
  extra: Record<string, unknown> = {},
) {
  return {
    visitTypeId: clinic.visitType.id,
    providerId: clinic.provider.id,
    locationId: clinic.location.id,
    startsAt: startsAt.toISOString(),
    ...extra,
  };
}

export function book(
  browser: BrowserClient,
  patientId: string,
  clinic: TestClinic,
  startsAt: Date,
  extra: Record<string, unknown> = {},
) {
  return browser.post(
    `/api/v1/patients/${patientId}/appointments`,
    bookingBody(clinic, startsAt, extra),
  );
}

/** Inserts an appointment directly, for states the API would not create now (past ones). */
export async function insertAppointment(
  db: DataSource,
  clinic: TestClinic,
  patientId: string,
  startsAt: Date,
  status = 'booked',
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO appointment (id, patient_id, provider_id, location_id, visit_type_id, starts_at, ends_at,
                              status, reason, booked_by, version, schedule_version, created_at, updated_at,
                              cancelled_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $5::timestamptz + make_interval(mins => $6), $7,
             NULL, 'staff', 1, 1, now(), now(), CASE WHEN $7 = 'cancelled' THEN now() END)
     RETURNING id`,
    [
      patientId,
      clinic.provider.id,
      clinic.location.id,
      clinic.visitType.id,
      startsAt,
      clinic.visitType.durationMinutes,
      status,
    ],
  );
  return (row as { id: string }).id;
}
