import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EntryKind, JournalLine } from './billing.rules.js';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** The receivable line of entry `e` (every entry has exactly one). */
const RECEIVABLE = `JOIN journal_line rl ON rl.entry_id = e.id AND rl.ledger = 'receivable'`;
/** An entry another entry has reversed. */
const REVERSED = (alias: string) =>
  `EXISTS (SELECT 1 FROM journal_entry rv WHERE rv.reverses_id = ${alias}.id)`;

export interface NewEntry {
  id: string;
  accountId: string;
  kind: EntryKind;
  amount: number;
  currency: string;
  effectiveDate: string;
  postedAt: Date;
  postedBy: string | null;
  appointmentId?: string | null;
  procedureCode?: string | null;
  description?: string | null;
  units?: number | null;
  chargeId?: string | null;
  reversesId?: string | null;
  payer?: string | null;
  reference?: string | null;
  reason?: string | null;
  remittanceId?: string | null;
  lines: JournalLine[];
}

export interface EntryRow {
  id: string;
  account_id: string;
  kind: EntryKind;
  amount: string;
  currency: string;
  effective_date: string;
  posted_at: Date;
  appointment_id: string | null;
  procedure_code: string | null;
  description: string | null;
  units: number | null;
  charge_id: string | null;
  reverses_id: string | null;
  reverses_kind: EntryKind | null;
  payer: string | null;
  reference: string | null;
  reason: string | null;
  receivable: string;
  reversed: boolean;
}

export interface LedgerRow extends EntryRow {
  running_balance: string;
}

export interface ChargeRow {
  id: string;
  service_date: string;
  procedure_code: string;
  description: string;
  units: number;
  amount: string;
  appointment_id: string | null;
  visit_type: string | null;
  provider: string | null;
  location: string | null;
  insurance_paid: string;
  insurance_adjusted: string;
  patient_paid: string;
  written_off: string;
}

export interface AgingRow {
  account_id: string;
  patient_id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  balance: string;
  current: string;
  days30: string;
  days60: string;
  days90: string;
  days120: string;
}

export interface DepositRow {
  id: string;
  kind: EntryKind;
  amount: string;
  currency: string;
  payer: string | null;
  reference: string | null;
  reversed: boolean;
  patient_id: string;
  mrn: string;
  given_name: string;
  family_name: string;
}

export interface AccountRef {
  patient_id: string;
  account_id: string | null;
  currency: string | null;
}

export interface StatementRow {
  id: string;
  account_id: string;
  patient_id: string;
  run_id: string;
  period_start: string;
  period_end: string;
  code: string;
  issued_at: Date;
  due_date: string;
  currency: string;
  previous_balance: string;
  new_charges: string;
  insurance_credits: string;
  patient_credits: string;
  balance: string;
  snapshot: StatementSnapshot;
}

/** What a statement froze at issue time. */
export interface StatementSnapshot {
  patient: { name: string; mrn: string; address: Record<string, string> | null };
  lines: {
    entryId: string;
    date: string;
    kind: EntryKind;
    /** For a correction, the kind it corrected. */
    corrects: EntryKind | null;
    description: string;
    /** Change to what is owed: positive raises it. */
    amount: number;
  }[];
}

const ENTRY_COLUMNS = `e.id, e.account_id, e.kind, e.amount, e.currency, e.effective_date::text AS effective_date,
  e.posted_at, e.appointment_id, e.procedure_code, e.description, e.units, e.charge_id, e.reverses_id,
  o.kind AS reverses_kind, e.payer, e.reference, e.reason, rl.amount AS receivable`;

/**
 * The SQL of billing. The journal is only ever inserted into (the database refuses anything
 * else); balances, running balances and aging are computed from its lines here, each rule
 * written once: an entry another has reversed, and its reversal, drop out of what is itemized
 * and aged, while both stay in the ledger and its sums.
 */
@Injectable()
export class BillingRepository {
  /** The patient (null when there is none) and their billing account, if opened. */
  async accountOf(db: Queryable, patientId: string): Promise<AccountRef | null> {
    const rows = (await db.query(
      `SELECT p.id AS patient_id, a.id AS account_id, a.currency
         FROM patient p LEFT JOIN billing_account a ON a.patient_id = p.id
        WHERE p.id = $1`,
      [patientId],
    )) as AccountRef[];
    return rows[0] ?? null;
  }

  /** Opens the patient's account (once; a concurrent open finds the same row). */
  async openAccount(
    db: Queryable,
    id: string,
    patientId: string,
    currency: string,
    now: Date,
  ): Promise<{ id: string; currency: string }> {
    const rows = (await db.query(
      `WITH made AS (
         INSERT INTO billing_account (id, patient_id, currency, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (patient_id) DO NOTHING RETURNING id, currency)
       SELECT id, currency FROM made
       UNION ALL SELECT id, currency FROM billing_account WHERE patient_id = $2
       LIMIT 1`,
      [id, patientId, currency, now],
    )) as { id: string; currency: string }[];
    return rows[0]!;
  }

  /** Serializes postings to one account within a transaction (balance checks). */
  async lockAccount(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(`SELECT id FROM billing_account WHERE id = $1 FOR UPDATE`, [accountId]);
  }

  async insertEntries(manager: EntityManager, entries: NewEntry[]): Promise<void> {
    if (!entries.length) return;
    const columns = [
      'id',
      'account_id',
      'kind',
      'amount',
      'currency',
      'effective_date',
      'posted_at',
      'posted_by',
      'appointment_id',
      'procedure_code',
      'description',
      'units',
      'charge_id',
      'reverses_id',
      'payer',
      'reference',
      'reason',
      'remittance_id',
    ];
    const types = [
      'uuid',
      'uuid',
      'text',
      'bigint',
      'text',
      'date',
      'timestamptz',
      'uuid',
      'uuid',
      'text',
      'text',
      'integer',
      'uuid',
      'uuid',
      'text',
      'text',
      'text',
      'uuid',
    ];
    const values = columns.map(() => [] as unknown[]);
    const lineEntry: string[] = [];
    const lineNo: number[] = [];
    const lineLedger: string[] = [];
    const lineAmount: string[] = [];
    for (const entry of entries) {
      const row = [
        entry.id,
        entry.accountId,
        entry.kind,
        String(entry.amount),
        entry.currency,
        entry.effectiveDate,
        entry.postedAt,
        entry.postedBy,
        entry.appointmentId ?? null,
        entry.procedureCode ?? null,
        entry.description ?? null,
        entry.units ?? null,
        entry.chargeId ?? null,
        entry.reversesId ?? null,
        entry.payer ?? null,
        entry.reference ?? null,
        entry.reason ?? null,
        entry.remittanceId ?? null,
      ];
      row.forEach((value, index) => values[index]!.push(value));
      entry.lines.forEach((line, index) => {
        lineEntry.push(entry.id);
        lineNo.push(index + 1);
        lineLedger.push(line.ledger);
        lineAmount.push(String(line.amount));
      });
    }
    await manager.query(
      `INSERT INTO journal_entry (${columns.join(', ')})
       SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`,
      values,
    );
    await manager.query(
      `INSERT INTO journal_line (entry_id, line_no, ledger, amount)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::bigint[])`,
      [lineEntry, lineNo, lineLedger, lineAmount],
    );
  }

  /** One entry of an account, with its lines (for a reversal). */
  async entryOf(
    db: Queryable,
    accountId: string,
    entryId: string,
  ): Promise<(EntryRow & { lines: JournalLine[] }) | null> {
    const rows = (await db.query(
      `SELECT ${ENTRY_COLUMNS}, ${REVERSED('e')} AS reversed,
              (SELECT json_agg(json_build_object('ledger', l.ledger, 'amount', l.amount) ORDER BY l.line_no)
                 FROM journal_line l WHERE l.entry_id = e.id) AS lines
         FROM journal_entry e ${RECEIVABLE}
         LEFT JOIN journal_entry o ON o.id = e.reverses_id
        WHERE e.account_id = $1 AND e.id = $2`,
      [accountId, entryId],
    )) as (EntryRow & { lines: { ledger: JournalLine['ledger']; amount: number | string }[] })[];
    const row = rows[0];
    if (!row) return null;
    return {
      ...row,
      lines: row.lines.map((l) => ({ ledger: l.ledger, amount: Number(l.amount) })),
    };
  }

  /** The charges among ids that are on the account and not reversed. */
  async liveCharges(
    db: Queryable,
    accountId: string | null,
    ids: string[],
  ): Promise<{ id: string; account_id: string }[]> {
    return (await db.query(
      `SELECT e.id, e.account_id FROM journal_entry e
        WHERE e.id = ANY($1::uuid[]) AND e.kind = 'charge' AND NOT ${REVERSED('e')}
          AND ($2::uuid IS NULL OR e.account_id = $2)`,
      [ids, accountId],
    )) as { id: string; account_id: string }[];
  }

  /** What is owed on the account: the sum of its receivable lines (negative: a credit). */
  async balance(db: Queryable, accountId: string, through?: string): Promise<number> {
    const rows = (await db.query(
      `SELECT coalesce(sum(rl.amount), 0)::text AS balance
         FROM journal_entry e ${RECEIVABLE}
        WHERE e.account_id = $1 AND ($2::date IS NULL OR e.effective_date <= $2)`,
      [accountId, through ?? null],
    )) as { balance: string }[];
    return Number(rows[0]!.balance);
  }

  /**
   * A page of the account's ledger, newest posting first, each row with the balance after it
   * (a window over the account's receivable lines in posting order).
   */
  async ledgerPage(
    db: Queryable,
    accountId: string,
    limit: number,
    beforeId: string | null,
  ): Promise<LedgerRow[]> {
    return (await db.query(
      `SELECT * FROM (
         SELECT ${ENTRY_COLUMNS}, ${REVERSED('e')} AS reversed,
                (sum(rl.amount) OVER (ORDER BY e.id))::text AS running_balance
           FROM journal_entry e ${RECEIVABLE}
           LEFT JOIN journal_entry o ON o.id = e.reverses_id
          WHERE e.account_id = $1) ledger
        WHERE $2::uuid IS NULL OR ledger.id < $2
        ORDER BY ledger.id DESC LIMIT $3`,
      [accountId, beforeId, limit + 1],
    )) as LedgerRow[];
  }

  /**
   * The account's charges not reversed, newest service first, each with what was applied to
   * it (payments, adjustments and write-offs not reversed) and the visit it was for.
   */
  async chargePage(
    db: Queryable,
    accountId: string,
    limit: number,
    after: [string, string] | null,
  ): Promise<ChargeRow[]> {
    // The page of charges first (keyset on the account's date index), then what was applied
    // to each of them: the cost follows the page, not the length of the account's history.
    return (await db.query(
      `SELECT c.id, c.effective_date::text AS service_date, c.procedure_code, c.description, c.units,
              c.amount, c.appointment_id, vt.name AS visit_type, pr.display_name AS provider,
              loc.name AS location, applied.insurance_paid, applied.insurance_adjusted,
              applied.patient_paid, applied.written_off
         FROM (SELECT e.* FROM journal_entry e
                WHERE e.account_id = $1 AND e.kind = 'charge' AND NOT ${REVERSED('e')}
                  AND ($2::date IS NULL OR (e.effective_date, e.id) < ($2::date, $3::uuid))
                ORDER BY e.effective_date DESC, e.id DESC LIMIT $4) c
         LEFT JOIN LATERAL (
           SELECT coalesce(sum(a.amount) FILTER (WHERE a.kind = 'insurance-payment'), 0)::text AS insurance_paid,
                  coalesce(sum(a.amount) FILTER (WHERE a.kind = 'insurance-adjustment'), 0)::text AS insurance_adjusted,
                  coalesce(sum(a.amount) FILTER (WHERE a.kind = 'patient-payment'), 0)::text AS patient_paid,
                  coalesce(sum(a.amount) FILTER (WHERE a.kind = 'write-off'), 0)::text AS written_off
             FROM journal_entry a WHERE a.charge_id = c.id AND NOT ${REVERSED('a')}) applied ON true
         LEFT JOIN appointment ap ON ap.id = c.appointment_id
         LEFT JOIN visit_type vt ON vt.id = ap.visit_type_id
         LEFT JOIN provider pr ON pr.id = ap.provider_id
         LEFT JOIN location loc ON loc.id = ap.location_id
        ORDER BY c.effective_date DESC, c.id DESC`,
      [accountId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    )) as ChargeRow[];
  }

  /** The patient's own payments and refunds, newest first (reversed ones marked). */
  async paymentPage(
    db: Queryable,
    accountId: string,
    limit: number,
    after: [string, string] | null,
  ): Promise<EntryRow[]> {
    return (await db.query(
      `SELECT ${ENTRY_COLUMNS}, ${REVERSED('e')} AS reversed
         FROM journal_entry e ${RECEIVABLE}
         LEFT JOIN journal_entry o ON o.id = e.reverses_id
        WHERE e.account_id = $1 AND e.kind IN ('patient-payment', 'refund')
          AND ($2::date IS NULL OR (e.effective_date, e.id) < ($2::date, $3::uuid))
        ORDER BY e.effective_date DESC, e.id DESC LIMIT $4`,
      [accountId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    )) as EntryRow[];
  }

  /**
   * What each account owes on a day, by age: credits (payments, adjustments, write-offs) are
   * applied to the oldest debits (charges, refunds) first; what is left of each debit is aged
   * by its date. Reversed entries and their reversals drop out. One account, or every account
   * that owes or is owed something.
   */
  async aging(db: Queryable, asOf: string, accountId: string | null): Promise<AgingRow[]> {
    return (await db.query(
      `WITH live AS (
         SELECT e.account_id, e.effective_date, e.id, rl.amount
           FROM journal_entry e ${RECEIVABLE}
          WHERE e.effective_date <= $1 AND e.kind <> 'reversal'
            AND ($2::uuid IS NULL OR e.account_id = $2)
            AND NOT EXISTS (SELECT 1 FROM journal_entry rv
                             WHERE rv.reverses_id = e.id AND rv.effective_date <= $1)),
       credits AS (
         SELECT account_id, -sum(amount) AS total FROM live WHERE amount < 0 GROUP BY account_id),
       debits AS (
         SELECT account_id, effective_date, amount,
                sum(amount) OVER (PARTITION BY account_id ORDER BY effective_date, id) AS upto
           FROM live WHERE amount > 0),
       open AS (
         SELECT d.account_id, $1::date - d.effective_date AS age,
                greatest(0, least(d.amount, d.upto - coalesce(c.total, 0))) AS open
           FROM debits d LEFT JOIN credits c USING (account_id)),
       totals AS (
         SELECT account_id, sum(amount) AS balance FROM live GROUP BY account_id)
       SELECT t.account_id, a.patient_id, p.mrn, p.given_name, p.family_name,
              t.balance::text AS balance,
              coalesce(sum(o.open) FILTER (WHERE o.age < 30), 0)::text AS current,
              coalesce(sum(o.open) FILTER (WHERE o.age >= 30 AND o.age < 60), 0)::text AS days30,
              coalesce(sum(o.open) FILTER (WHERE o.age >= 60 AND o.age < 90), 0)::text AS days60,
              coalesce(sum(o.open) FILTER (WHERE o.age >= 90 AND o.age < 120), 0)::text AS days90,
              coalesce(sum(o.open) FILTER (WHERE o.age >= 120), 0)::text AS days120
         FROM totals t
         JOIN billing_account a ON a.id = t.account_id
         JOIN patient p ON p.id = a.patient_id
         LEFT JOIN open o ON o.account_id = t.account_id
        WHERE t.balance <> 0
        GROUP BY t.account_id, t.balance, a.patient_id, p.mrn, p.given_name, p.family_name
        ORDER BY lower(p.family_name), lower(p.given_name), t.account_id`,
      [asOf, accountId],
    )) as AgingRow[];
  }

  /** Money received on a day: insurance and patient payments, and refunds paid out. */
  async deposits(db: Queryable, day: string): Promise<DepositRow[]> {
    return (await db.query(
      `SELECT e.id, e.kind, e.amount, e.currency, e.payer, e.reference, ${REVERSED('e')} AS reversed,
              a.patient_id, p.mrn, p.given_name, p.family_name
         FROM journal_entry e
         JOIN billing_account a ON a.id = e.account_id
         JOIN patient p ON p.id = a.patient_id
        WHERE e.effective_date = $1 AND e.kind IN ('insurance-payment', 'patient-payment', 'refund')
        ORDER BY e.kind, e.payer NULLS FIRST, e.id`,
      [day],
    )) as DepositRow[];
  }

  // ---- Statements ----

  /** The accounts a statement of the period goes to: those owing something at its end. */
  async statementCandidates(
    db: Queryable,
    periodEnd: string,
  ): Promise<{ account_id: string; balance: string }[]> {
    return (await db.query(
      `SELECT e.account_id, sum(rl.amount)::text AS balance
         FROM journal_entry e ${RECEIVABLE}
        WHERE e.effective_date <= $1
        GROUP BY e.account_id HAVING sum(rl.amount) > 0
        ORDER BY e.account_id`,
      [periodEnd],
    )) as { account_id: string; balance: string }[];
  }

  async issuedCount(db: Queryable, periodStart: string, periodEnd: string): Promise<number> {
    const rows = (await db.query(
      `SELECT count(*)::int AS n FROM statement WHERE period_start = $1 AND period_end = $2`,
      [periodStart, periodEnd],
    )) as { n: number }[];
    return rows[0]!.n;
  }

  async runOf(
    db: Queryable,
    periodStart: string,
    periodEnd: string,
  ): Promise<{ id: string; account_count: number; created_at: Date } | null> {
    const rows = (await db.query(
      `SELECT id, account_count, created_at FROM statement_run WHERE period_start = $1 AND period_end = $2`,
      [periodStart, periodEnd],
    )) as { id: string; account_count: number; created_at: Date }[];
    return rows[0] ?? null;
  }

  /** Records a run once per period; answers false when the period already has one. */
  async insertRun(
    manager: EntityManager,
    run: {
      id: string;
      periodStart: string;
      periodEnd: string;
      accountCount: number;
      requestedBy: string | null;
      scheduled: boolean;
      now: Date;
    },
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO statement_run (id, period_start, period_end, account_count, requested_by, scheduled, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (period_start, period_end) DO NOTHING RETURNING id`,
      [
        run.id,
        run.periodStart,
        run.periodEnd,
        run.accountCount,
        run.requestedBy,
        run.scheduled,
        run.now,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /** The run's period and the accounts it covers (those owing at the period's end). */
  async runPeriod(
    db: Queryable,
    runId: string,
  ): Promise<{ period_start: string; period_end: string } | null> {
    const rows = (await db.query(
      `SELECT period_start::text, period_end::text FROM statement_run WHERE id = $1`,
      [runId],
    )) as { period_start: string; period_end: string }[];
    return rows[0] ?? null;
  }

  /** What a statement of the period itemizes for one account, and the patient it goes to. */
  async statementSource(
    db: Queryable,
    accountId: string,
    periodStart: string,
    periodEnd: string,
  ): Promise<{
    patient: {
      id: string;
      mrn: string;
      given_name: string;
      family_name: string;
      preferred_name: string | null;
      email: string | null;
      address: Record<string, string> | null;
    };
    currency: string;
    previous: number;
    lines: (EntryRow & { category: EntryKind })[];
  } | null> {
    const [head] = (await db.query(
      `SELECT p.id, p.mrn, p.given_name, p.family_name, p.preferred_name, p.email, p.address, a.currency,
              (SELECT coalesce(sum(rl.amount), 0)::text FROM journal_entry e ${RECEIVABLE}
                WHERE e.account_id = a.id AND e.effective_date < $2) AS previous
         FROM billing_account a JOIN patient p ON p.id = a.patient_id WHERE a.id = $1`,
      [accountId, periodStart],
    )) as (Record<string, unknown> & { currency: string; previous: string })[];
    if (!head) return null;
    const lines = (await db.query(
      `SELECT ${ENTRY_COLUMNS}, false AS reversed, coalesce(o.kind, e.kind) AS category
         FROM journal_entry e ${RECEIVABLE}
         LEFT JOIN journal_entry o ON o.id = e.reverses_id
        WHERE e.account_id = $1 AND e.effective_date BETWEEN $2 AND $3
        ORDER BY e.effective_date, e.id`,
      [accountId, periodStart, periodEnd],
    )) as (EntryRow & { category: EntryKind })[];
    const { currency, previous, ...patient } = head;
    return {
      patient: patient as never,
      currency,
      previous: Number(previous),
      lines,
    };
  }

  /** Inserts a statement unless the account has one for the period; answers the one kept. */
  async insertStatement(
    manager: EntityManager,
    row: Omit<StatementRow, 'patient_id'>,
  ): Promise<{ id: string; created: boolean }> {
    const made = (await manager.query(
      `INSERT INTO statement (id, account_id, run_id, period_start, period_end, code, issued_at, due_date,
                              currency, previous_balance, new_charges, insurance_credits, patient_credits,
                              balance, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (account_id, period_start, period_end) DO NOTHING RETURNING id`,
      [
        row.id,
        row.account_id,
        row.run_id,
        row.period_start,
        row.period_end,
        row.code,
        row.issued_at,
        row.due_date,
        row.currency,
        row.previous_balance,
        row.new_charges,
        row.insurance_credits,
        row.patient_credits,
        row.balance,
        JSON.stringify(row.snapshot),
      ],
    )) as { id: string }[];
    if (made.length) return { id: made[0]!.id, created: true };
    const [kept] = (await manager.query(
      `SELECT id FROM statement WHERE account_id = $1 AND period_start = $2 AND period_end = $3`,
      [row.account_id, row.period_start, row.period_end],
    )) as { id: string }[];
    return { id: kept!.id, created: false };
  }

  async statementEmail(db: Queryable, statementId: string): Promise<string | null> {
    const rows = (await db.query(
      `SELECT delivery_id FROM statement_email WHERE statement_id = $1`,
      [statementId],
    )) as { delivery_id: string }[];
    return rows[0]?.delivery_id ?? null;
  }

  async setStatementEmail(
    manager: EntityManager,
    statementId: string,
    deliveryId: string,
  ): Promise<void> {
    await manager.query(`INSERT INTO statement_email (statement_id, delivery_id) VALUES ($1, $2)`, [
      statementId,
      deliveryId,
    ]);
  }

  private readonly statementColumns = `s.id, s.account_id, a.patient_id, s.run_id, s.period_start::text AS period_start,
    s.period_end::text AS period_end, s.code, s.issued_at, s.due_date::text AS due_date, s.currency,
    s.previous_balance, s.new_charges, s.insurance_credits, s.patient_credits, s.balance, s.snapshot`;

  async statementPage(
    db: Queryable,
    accountId: string,
    limit: number,
    after: [string, string] | null,
  ): Promise<(StatementRow & { sort_key: string })[]> {
    return (await db.query(
      `SELECT ${this.statementColumns},
              to_char(s.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key
         FROM statement s JOIN billing_account a ON a.id = s.account_id
        WHERE s.account_id = $1 AND ($2::timestamptz IS NULL OR (s.issued_at, s.id) < ($2::timestamptz, $3::uuid))
        ORDER BY s.issued_at DESC, s.id DESC LIMIT $4`,
      [accountId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    )) as (StatementRow & { sort_key: string })[];
  }

  async statementOf(
    db: Queryable,
    accountId: string,
    statementId: string,
  ): Promise<StatementRow | null> {
    const rows = (await db.query(
      `SELECT ${this.statementColumns} FROM statement s JOIN billing_account a ON a.id = s.account_id
        WHERE s.account_id = $1 AND s.id = $2`,
      [accountId, statementId],
    )) as StatementRow[];
    return rows[0] ?? null;
  }

  async latestStatement(db: Queryable, accountId: string): Promise<StatementRow | null> {
    const rows = (await db.query(
      `SELECT ${this.statementColumns} FROM statement s JOIN billing_account a ON a.id = s.account_id
        WHERE s.account_id = $1 ORDER BY s.issued_at DESC, s.id DESC LIMIT 1`,
      [accountId],
    )) as StatementRow[];
    return rows[0] ?? null;
  }
}
