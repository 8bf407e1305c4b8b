import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CareRelationship1764231500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // The locations a staff member works at, assigned by an administrator. A provider also
    // works where their provider profile has weekly hours (availability_rule): not copied here.
    await q.query(`
      CREATE TABLE staff_location (
        account_id uuid NOT NULL REFERENCES account (id),
        location_id uuid NOT NULL REFERENCES location (id),
        assigned_by uuid REFERENCES account (id),
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, location_id)
      )`);
    // The care check asks "has this patient an appointment at one of these locations": one
    // index probe per location of the staff member, however many visits the patient has.
    await q.query(
      `CREATE INDEX appointment_patient_location_idx ON appointment (patient_id, location_id)`,
    );

    // Break the glass: a staff member opened a patient's record outside their care
    // relationship, for a reason, until expires_at. The reason is free text that may hold
    // health information, so it lives here and never in audit_event.
    await q.query(`
      CREATE TABLE emergency_access (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id),
        patient_id uuid NOT NULL REFERENCES patient (id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 10 AND 500),
        granted_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        reviewed_by uuid REFERENCES account (id),
        reviewed_at timestamptz,
        CHECK (expires_at > granted_at),
        CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
      )`);
    // The care check: is there a live grant for this staff member and patient.
    await q.query(
      `CREATE INDEX emergency_access_grant_idx ON emergency_access (account_id, patient_id, expires_at)`,
    );
    // The review list, newest first, whole or for one patient.
    await q.query(
      `CREATE INDEX emergency_access_granted_idx ON emergency_access (granted_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX emergency_access_patient_idx ON emergency_access (patient_id, granted_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE emergency_access');
    await q.query('DROP INDEX appointment_patient_location_idx');
    await q.query('DROP TABLE staff_location');
  }
}
