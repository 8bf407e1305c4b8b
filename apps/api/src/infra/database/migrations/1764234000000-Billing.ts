import type { MigrationInterface, QueryRunner } from 'typeorm';

const ENTRY_KINDS = `('charge', 'insurance-payment', 'insurance-adjustment', 'patient-payment', 'refund', 'write-off', 'reversal')`;
const LEDGERS = `('receivable', 'revenue', 'cash', 'contractual-adjustment', 'bad-debt')`;

/**
 * Billing: one account per patient and an append-only double-entry journal. Money is bigint
 * minor units (cents) with an ISO currency; there is no float anywhere. Balances and aging are
 * sums over journal_line, never stored totals. The database itself keeps every entry balanced
 * (a deferred constraint trigger: its lines sum to zero at commit) and refuses UPDATE, DELETE
 * and TRUNCATE of the journal: a correction is a reversing entry.
 */
export class Billing1764234000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_account (
        id uuid PRIMARY KEY,
        patient_id uuid NOT NULL UNIQUE REFERENCES patient (id),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        created_at timestamptz NOT NULL
      )`);

    // A remittance file from a payer: its rows are posted in one transaction, or none are.
    await q.query(`
      CREATE TABLE remittance (
        id uuid PRIMARY KEY,
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        row_count integer NOT NULL CHECK (row_count > 0),
        uploaded_by uuid NOT NULL REFERENCES account (id),
        uploaded_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE journal_entry (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES billing_account (id),
        kind text NOT NULL CHECK (kind IN ${ENTRY_KINDS}),
        -- The entry's size (always positive); its lines say which way it moves each ledger.
        amount bigint NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- The day it counts from: the service date of a charge, the day money was received.
        effective_date date NOT NULL,
        posted_at timestamptz NOT NULL,
        posted_by uuid REFERENCES account (id),
        -- A charge: the visit, the clinic's own procedure code, its words and units.
        appointment_id uuid REFERENCES appointment (id),
        procedure_code text CHECK (char_length(procedure_code) BETWEEN 1 AND 20),
        description text CHECK (char_length(description) BETWEEN 1 AND 200),
        units integer CHECK (units BETWEEN 1 AND 999),
        -- A payment or adjustment applied to one charge.
        charge_id uuid REFERENCES journal_entry (id),
        -- A reversal: the entry it cancels (once only).
        reverses_id uuid UNIQUE REFERENCES journal_entry (id),
        payer text CHECK (char_length(payer) BETWEEN 1 AND 100),
        reference text CHECK (char_length(reference) BETWEEN 1 AND 100),
        reason text CHECK (char_length(reason) BETWEEN 1 AND 500),
        remittance_id uuid REFERENCES remittance (id),
        CHECK ((kind = 'charge') = (procedure_code IS NOT NULL AND description IS NOT NULL AND units IS NOT NULL)),
        CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        CHECK (kind NOT IN ('write-off', 'reversal') OR reason IS NOT NULL),
        CHECK (kind <> 'insurance-payment' OR payer IS NOT NULL),
        CHECK (charge_id IS NULL OR kind IN ('insurance-payment', 'insurance-adjustment', 'patient-payment', 'write-off'))
      )`);
    // An account's ledger in posting order (ids are UUID v7), and by effective date (aging,
    // statements); payments and adjustments by the charge they apply to; deposits by day.
    await q.query(`CREATE INDEX journal_entry_account_idx ON journal_entry (account_id, id)`);
    await q.query(
      `CREATE INDEX journal_entry_account_date_idx ON journal_entry (account_id, effective_date, id)`,
    );
    await q.query(
      `CREATE INDEX journal_entry_charge_idx ON journal_entry (charge_id) WHERE charge_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX journal_entry_deposit_idx ON journal_entry (effective_date, kind) WHERE kind IN ('insurance-payment', 'patient-payment', 'refund')`,
    );
    await q.query(
      `CREATE INDEX journal_entry_appointment_idx ON journal_entry (appointment_id) WHERE appointment_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX journal_entry_remittance_idx ON journal_entry (remittance_id) WHERE remittance_id IS NOT NULL`,
    );

    // Debits positive, credits negative. The receivable ledger is what is owed on the account.
    await q.query(`
      CREATE TABLE journal_line (
        entry_id uuid NOT NULL REFERENCES journal_entry (id),
        line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 20),
        ledger text NOT NULL CHECK (ledger IN ${LEDGERS}),
        amount bigint NOT NULL CHECK (amount <> 0),
        PRIMARY KEY (entry_id, line_no)
      )`);
    await q.query(
      `CREATE INDEX journal_line_receivable_idx ON journal_line (entry_id) INCLUDE (amount) WHERE ledger = 'receivable'`,
    );

    // Balanced at commit: every entry has at least two lines and they sum to zero. Deferred,
    // so an entry and its lines are inserted in any order within one transaction.
    await q.query(`
      CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entry uuid;
        total numeric;
        lines integer;
      BEGIN
        IF TG_TABLE_NAME = 'journal_entry' THEN entry := NEW.id; ELSE entry := NEW.entry_id; END IF;
        SELECT coalesce(sum(amount), 0), count(*) INTO total, lines
          FROM journal_line WHERE entry_id = entry;
        IF lines < 2 OR total <> 0 THEN
          RAISE EXCEPTION 'journal entry % is not balanced (% lines, sum %)', entry, lines, total
            USING ERRCODE = '23514', CONSTRAINT = 'journal_entry_balanced';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['journal_entry', 'journal_line']) {
      await q.query(`
        CREATE CONSTRAINT TRIGGER ${table}_balanced AFTER INSERT ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced()`);
    }

    // Append-only: the journal, remittances, statements and their runs are never changed.
    await q.query(`
      CREATE FUNCTION billing_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: post a reversing entry instead', TG_TABLE_NAME
          USING ERRCODE = '42501';
      END $$`);

    // A statement: what the patient was asked to pay for a period, frozen at issue time. The
    // snapshot holds every line it itemized; the totals are columns for lists and checks.
    await q.query(`
      CREATE TABLE statement_run (
        id uuid PRIMARY KEY,
        period_start date NOT NULL,
        period_end date NOT NULL,
        account_count integer NOT NULL CHECK (account_count >= 0),
        requested_by uuid REFERENCES account (id),
        scheduled boolean NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (period_start, period_end),
        CHECK (period_end >= period_start)
      )`);
    await q.query(`
      CREATE TABLE statement (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES billing_account (id),
        run_id uuid NOT NULL REFERENCES statement_run (id),
        period_start date NOT NULL,
        period_end date NOT NULL,
        -- Quoted by the patient when paying or calling; later the pay-by-link key.
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{4}-[A-Z0-9]{4}$'),
        issued_at timestamptz NOT NULL,
        due_date date NOT NULL,
        currency char(3) NOT NULL,
        previous_balance bigint NOT NULL,
        new_charges bigint NOT NULL,
        insurance_credits bigint NOT NULL,
        patient_credits bigint NOT NULL,
        balance bigint NOT NULL,
        snapshot jsonb NOT NULL,
        UNIQUE (account_id, period_start, period_end)
      )`);
    await q.query(
      `CREATE INDEX statement_account_idx ON statement (account_id, issued_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX statement_run_idx ON statement (run_id)`);
    // The email of each issued statement (once), apart from the frozen statement.
    await q.query(`
      CREATE TABLE statement_email (
        statement_id uuid PRIMARY KEY REFERENCES statement (id),
        delivery_id uuid NOT NULL REFERENCES mail_delivery (id)
      )`);

    for (const table of ['journal_entry', 'journal_line', 'remittance', 'statement']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION billing_append_only()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION billing_append_only()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM portal_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE statement_email, statement, statement_run, journal_line, journal_entry, remittance, billing_account`,
    );
    await q.query(`DROP FUNCTION billing_append_only(), journal_entry_balanced()`);
  }
}
