import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The medical record. Every table is keyed by patient and read newest first, so each has a
 * (patient_id, <date> DESC, id DESC) index for cursor pages. Rows are corrected in place with
 * a version bump; the previous state goes to record_revision (who, when, what it was).
 */
export class HealthRecords1764231000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const audited = `
        version integer NOT NULL DEFAULT 1,
        recorded_by uuid REFERENCES account (id),
        recorded_at timestamptz NOT NULL,
        updated_by uuid REFERENCES account (id),
        updated_at timestamptz NOT NULL`;

    // Problems and diagnoses, coded in ICD-10-CM.
    await q.query(`
      CREATE TABLE condition (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        code text NOT NULL,
        display text NOT NULL,
        code_system_version text NOT NULL,
        clinical_status text NOT NULL CHECK (clinical_status IN ('active', 'recurrence', 'inactive', 'remission', 'resolved', 'entered-in-error')),
        onset_date date,
        abatement_date date,
        note text,
        ${audited},
        CHECK (abatement_date IS NULL OR onset_date IS NULL OR abatement_date >= onset_date)
      )`);
    await q.query(
      `CREATE INDEX condition_patient_idx ON condition (patient_id, onset_date DESC NULLS LAST, id DESC)`,
    );

    await q.query(`
      CREATE TABLE allergy (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        substance text NOT NULL,
        category text NOT NULL CHECK (category IN ('food', 'medication', 'environment', 'biologic')),
        reaction text,
        severity text CHECK (severity IN ('mild', 'moderate', 'severe')),
        clinical_status text NOT NULL CHECK (clinical_status IN ('active', 'inactive', 'resolved', 'entered-in-error')),
        onset_date date,
        note text,
        ${audited}
      )`);
    await q.query(
      `CREATE INDEX allergy_patient_idx ON allergy (patient_id, recorded_at DESC, id DESC)`,
    );

    // Immunizations, coded in CVX.
    await q.query(`
      CREATE TABLE immunization (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        cvx_code text NOT NULL,
        display text NOT NULL,
        code_system_version text NOT NULL,
        occurred_on date NOT NULL,
        dose_number integer CHECK (dose_number BETWEEN 1 AND 20),
        dose_quantity text,
        site text,
        lot_number text,
        status text NOT NULL CHECK (status IN ('completed', 'not-done', 'entered-in-error')),
        note text,
        ${audited}
      )`);
    await q.query(
      `CREATE INDEX immunization_patient_idx ON immunization (patient_id, occurred_on DESC, id DESC)`,
    );

    // A laboratory panel, imaging or other report. Held reports wait for a provider's review;
    // patients see only released ones. first_viewed_at drives the patient's "new" badge.
    await q.query(`
      CREATE TABLE result_report (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        category text NOT NULL CHECK (category IN ('laboratory', 'imaging', 'other')),
        code text,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('preliminary', 'final', 'corrected', 'entered-in-error')),
        effective_at timestamptz NOT NULL,
        issued_at timestamptz NOT NULL,
        ordering_provider_id uuid REFERENCES provider (id),
        narrative text,
        attachment_name text,
        attachment_pdf bytea,
        release_state text NOT NULL CHECK (release_state IN ('held', 'released')),
        released_at timestamptz,
        released_by uuid REFERENCES account (id),
        first_viewed_at timestamptz,
        abnormal boolean NOT NULL DEFAULT false,
        import_id uuid,
        ${audited},
        CHECK ((release_state = 'released') = (released_at IS NOT NULL)),
        CHECK (attachment_pdf IS NULL OR octet_length(attachment_pdf) <= 5242880)
      )`);
    await q.query(
      `CREATE INDEX result_report_patient_idx ON result_report (patient_id, effective_at DESC, id DESC)`,
    );
    // The providers' review queue: held reports, oldest first.
    await q.query(
      `CREATE INDEX result_report_held_idx ON result_report (issued_at, id) WHERE release_state = 'held'`,
    );

    // Laboratory results and vital signs, coded in LOINC with UCUM units.
    await q.query(`
      CREATE TABLE observation (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        report_id uuid REFERENCES result_report (id),
        category text NOT NULL CHECK (category IN ('laboratory', 'vital-signs')),
        code text NOT NULL,
        display text NOT NULL,
        code_system_version text NOT NULL,
        value_quantity numeric,
        value_text text,
        unit text,
        reference_low numeric,
        reference_high numeric,
        reference_text text,
        interpretation text CHECK (interpretation IN ('N', 'L', 'H', 'LL', 'HH', 'A', 'AA')),
        status text NOT NULL CHECK (status IN ('preliminary', 'final', 'corrected', 'entered-in-error')),
        effective_at timestamptz NOT NULL,
        ${audited},
        CHECK (value_quantity IS NOT NULL OR value_text IS NOT NULL),
        CHECK (category = 'vital-signs' OR report_id IS NOT NULL)
      )`);
    // A report's observations; a patient's trend of one test over time; vitals newest first.
    await q.query(`CREATE INDEX observation_report_idx ON observation (report_id)`);
    await q.query(
      `CREATE INDEX observation_trend_idx ON observation (patient_id, code, effective_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX observation_category_idx ON observation (patient_id, category, effective_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE visit_summary (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        appointment_id uuid REFERENCES appointment (id),
        visit_date date NOT NULL,
        provider_id uuid REFERENCES provider (id),
        location_id uuid REFERENCES location (id),
        -- [{ code, display }] in ICD-10-CM.
        diagnoses jsonb NOT NULL DEFAULT '[]',
        instructions text NOT NULL,
        follow_up text,
        status text NOT NULL CHECK (status IN ('final', 'amended', 'entered-in-error')),
        ${audited}
      )`);
    await q.query(
      `CREATE INDEX visit_summary_patient_idx ON visit_summary (patient_id, visit_date DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE care_plan (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        title text NOT NULL,
        description text,
        status text NOT NULL CHECK (status IN ('draft', 'active', 'on-hold', 'completed', 'revoked', 'entered-in-error')),
        period_start date NOT NULL,
        period_end date,
        -- Addressed conditions: [condition id].
        condition_ids jsonb NOT NULL DEFAULT '[]',
        -- [{ id, description, status, target? }] and [{ id, description, status }].
        goals jsonb NOT NULL DEFAULT '[]',
        activities jsonb NOT NULL DEFAULT '[]',
        ${audited}
      )`);
    await q.query(
      `CREATE INDEX care_plan_patient_idx ON care_plan (patient_id, period_start DESC, id DESC)`,
    );

    // Before-images of corrected rows: who changed what and when, for staff.
    await q.query(`
      CREATE TABLE record_revision (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        resource_type text NOT NULL,
        resource_id uuid NOT NULL,
        version integer NOT NULL,
        snapshot jsonb NOT NULL,
        reason text,
        changed_by uuid REFERENCES account (id),
        changed_at timestamptz NOT NULL,
        UNIQUE (resource_type, resource_id, version)
      )`);

    // How each result category is released: at once (the default, as the Cures Act expects)
    // or held for a provider's review.
    await q.query(`
      CREATE TABLE result_release_policy (
        category text PRIMARY KEY CHECK (category IN ('laboratory', 'imaging', 'other')),
        mode text NOT NULL CHECK (mode IN ('immediate', 'review')),
        updated_by uuid REFERENCES account (id),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      INSERT INTO result_release_policy (category, mode, updated_at)
      VALUES ('laboratory', 'immediate', now()), ('imaging', 'immediate', now()), ('other', 'immediate', now())`);

    // Bulk imports: one row per accepted file (rejected files store nothing).
    await q.query(`
      CREATE TABLE result_import (
        id uuid PRIMARY KEY,
        format text NOT NULL CHECK (format IN ('csv', 'fhir')),
        file_name text,
        report_count integer NOT NULL,
        observation_count integer NOT NULL,
        imported_by uuid REFERENCES account (id),
        imported_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'result_import',
      'result_release_policy',
      'record_revision',
      'care_plan',
      'visit_summary',
      'observation',
      'result_report',
      'immunization',
      'allergy',
      'condition',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
