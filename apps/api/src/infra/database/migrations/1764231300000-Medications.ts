import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The medication list: what the patient takes or has stopped, coded in RxNorm, entered and
 * corrected by staff like the other record kinds (a version bump, the previous state in
 * record_revision). Read newest first by start date.
 */
export class Medications1764231300000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE medication (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        rxnorm_code text NOT NULL,
        display text NOT NULL,
        code_system_version text NOT NULL,
        dose text,
        route text CHECK (route IN ('oral', 'sublingual', 'inhaled', 'nasal', 'topical', 'transdermal', 'ophthalmic', 'otic', 'subcutaneous', 'intramuscular', 'intravenous', 'rectal', 'vaginal')),
        frequency text,
        instructions text,
        prescriber text,
        start_date date NOT NULL,
        end_date date,
        status text NOT NULL CHECK (status IN ('active', 'stopped', 'entered-in-error')),
        refills_remaining integer CHECK (refills_remaining BETWEEN 0 AND 99),
        last_filled_on date,
        pharmacy text,
        version integer NOT NULL DEFAULT 1,
        recorded_by uuid REFERENCES account (id),
        recorded_at timestamptz NOT NULL,
        updated_by uuid REFERENCES account (id),
        updated_at timestamptz NOT NULL,
        CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(
      `CREATE INDEX medication_patient_idx ON medication (patient_id, start_date DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE medication`);
  }
}
