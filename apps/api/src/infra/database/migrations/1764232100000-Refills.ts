import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `('requested', 'in_review', 'approved', 'denied', 'needs_appointment', 'cancelled')`;

/**
 * Prescription refills: the pharmacy directory, each patient's preferred pharmacy, the
 * `controlled` flag on medications, refill requests (one row per medication, at most one
 * open per medication) and their append-only history.
 */
export class Refills1764232100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE medication ADD COLUMN controlled boolean NOT NULL DEFAULT false`);

    // Pharmacies, identified by their 7-digit NCPDP provider id.
    await q.query(`
      CREATE TABLE pharmacy (
        id uuid PRIMARY KEY,
        ncpdp_id text NOT NULL UNIQUE CHECK (ncpdp_id ~ '^[0-9]{7}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        address_line text NOT NULL CHECK (char_length(address_line) BETWEEN 1 AND 200),
        city text NOT NULL CHECK (char_length(city) BETWEEN 1 AND 100),
        region text NOT NULL CHECK (char_length(region) BETWEEN 1 AND 50),
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'),
        phone text NOT NULL CHECK (char_length(phone) BETWEEN 1 AND 40),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL
      )`);
    // Search by the start of the name, the city or the ZIP code; listed by name.
    await q.query(
      `CREATE INDEX pharmacy_name_idx ON pharmacy (lower(name) text_pattern_ops, id) WHERE active`,
    );
    await q.query(
      `CREATE INDEX pharmacy_city_idx ON pharmacy (lower(city) text_pattern_ops) WHERE active`,
    );
    await q.query(
      `CREATE INDEX pharmacy_postal_code_idx ON pharmacy (postal_code text_pattern_ops) WHERE active`,
    );

    await q.query(`
      CREATE TABLE patient_pharmacy (
        patient_id uuid PRIMARY KEY REFERENCES patient (id),
        pharmacy_id uuid NOT NULL REFERENCES pharmacy (id),
        updated_by uuid REFERENCES account (id),
        updated_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE refill_request (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL REFERENCES patient (id),
        medication_id uuid NOT NULL REFERENCES medication (id),
        -- renewal: no refills remained, so the prescriber must write a new prescription.
        kind text NOT NULL CHECK (kind IN ('refill', 'renewal')),
        pharmacy_id uuid NOT NULL REFERENCES pharmacy (id),
        -- Who prescribed it when it was requested: the request is routed to them.
        prescriber text,
        note text CHECK (char_length(note) <= 1000),
        status text NOT NULL CHECK (status IN ${STATUSES}),
        version integer NOT NULL DEFAULT 1,
        requested_by uuid NOT NULL REFERENCES account (id),
        requested_at timestamptz NOT NULL,
        -- The last change of any kind (staff touching it): the queue flags untouched ones.
        updated_at timestamptz NOT NULL,
        decided_by uuid REFERENCES account (id),
        decided_at timestamptz,
        decision_reason_code text,
        decision_reason text CHECK (char_length(decision_reason) <= 1000),
        approved_quantity integer CHECK (approved_quantity BETWEEN 1 AND 1000),
        approved_refills integer CHECK (approved_refills BETWEEN 0 AND 99),
        -- The e-prescription of an approval: waiting until the port took it, then sent.
        send_status text CHECK (send_status IN ('waiting', 'sent')),
        sent_at timestamptz,
        sent_message_id text,
        CHECK ((status = 'approved') = (send_status IS NOT NULL)),
        CHECK ((status IN ('approved', 'denied', 'needs_appointment')) = (decided_at IS NOT NULL))
      )`);
    // The rule: at most one open request per medication.
    await q.query(
      `CREATE UNIQUE INDEX refill_request_open_idx ON refill_request (medication_id)
         WHERE status IN ('requested', 'in_review')`,
    );
    // The patient's list, newest first; the staff queue, oldest first.
    await q.query(
      `CREATE INDEX refill_request_patient_idx ON refill_request (patient_id, requested_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX refill_request_queue_idx ON refill_request (status, requested_at, id)`,
    );
    // The queue's default view (every open request), walked in order without a sort.
    await q.query(
      `CREATE INDEX refill_request_open_queue_idx ON refill_request (requested_at, id)
         WHERE status IN ('requested', 'in_review')`,
    );
    await q.query(
      `CREATE INDEX refill_request_medication_idx ON refill_request (medication_id, requested_at DESC)`,
    );

    // What happened to a request, in order: never changed or removed.
    await q.query(`
      CREATE TABLE refill_history (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES refill_request (id),
        at timestamptz NOT NULL,
        -- null: the portal itself (the e-prescribing job).
        by_account_id uuid REFERENCES account (id),
        event text NOT NULL CHECK (event IN ('status', 'sent')),
        from_status text CHECK (from_status IN ${STATUSES}),
        to_status text NOT NULL CHECK (to_status IN ${STATUSES}),
        reason text CHECK (char_length(reason) <= 1000)
      )`);
    await q.query(`CREATE INDEX refill_history_request_idx ON refill_history (request_id, at, id)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON refill_history FROM portal_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['refill_history', 'refill_request', 'patient_pharmacy', 'pharmacy']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE medication DROP COLUMN controlled`);
  }
}
