/**
 * A long bill, inserted with set-based SQL: the bench patient's account with 5,000 visits
 * over ten years, each a charge with the insurer's payment and adjustment (15,000 balanced
 * journal entries, checked by the database's own trigger at commit). Once per database.
 */
import pg from 'pg';

export const LARGE_BILLING = { visits: 5_000 };

export async function seedLargeBilling(databaseUrl, benchPatientId, log) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    await client.query('BEGIN');
    const [account] = (
      await client.query(
        `INSERT INTO billing_account (id, patient_id, currency, created_at)
         VALUES (gen_random_uuid(), $1, 'USD', now())
         ON CONFLICT (patient_id) DO UPDATE SET currency = EXCLUDED.currency RETURNING id`,
        [benchPatientId],
      )
    ).rows;
    const [{ n }] = (
      await client.query(`SELECT count(*)::int AS n FROM journal_entry WHERE account_id = $1`, [
        account.id,
      ])
    ).rows;
    if (n >= LARGE_BILLING.visits) {
      await client.query('ROLLBACK');
      return { accountId: account.id };
    }
    await client.query(
      `CREATE TEMP TABLE bench_charge ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, (current_date - (n * 3650 / $1))::date AS day
         FROM generate_series(1, $1) AS n`,
      [LARGE_BILLING.visits],
    );
    await client.query(
      `INSERT INTO journal_entry (id, account_id, kind, amount, currency, effective_date, posted_at,
                                  procedure_code, description, units)
       SELECT id, $1, 'charge', 15000, 'USD', day, now(), 'OV-EST-2', 'Office visit, established patient', 1
         FROM bench_charge`,
      [account.id],
    );
    await client.query(
      `INSERT INTO journal_line (entry_id, line_no, ledger, amount)
       SELECT id, 1, 'receivable', 15000 FROM bench_charge
       UNION ALL SELECT id, 2, 'revenue', -15000 FROM bench_charge`,
    );
    await client.query(
      `CREATE TEMP TABLE bench_credit ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, c.id AS charge_id, c.day + 25 AS day, k.kind, k.amount
         FROM bench_charge c,
              (VALUES ('insurance-payment', 9000), ('insurance-adjustment', 3000)) AS k (kind, amount)`,
    );
    await client.query(
      `INSERT INTO journal_entry (id, account_id, kind, amount, currency, effective_date, posted_at,
                                  charge_id, payer)
       SELECT id, $1, kind, amount, 'USD', day, now(), charge_id, 'Bench Health' FROM bench_credit`,
      [account.id],
    );
    await client.query(
      `INSERT INTO journal_line (entry_id, line_no, ledger, amount)
       SELECT id, 1, CASE kind WHEN 'insurance-payment' THEN 'cash' ELSE 'contractual-adjustment' END, amount
         FROM bench_credit
       UNION ALL SELECT id, 2, 'receivable', -amount FROM bench_credit`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE journal_entry');
    await client.query('ANALYZE journal_line');
    log(`large billing: ${LARGE_BILLING.visits} visits on the bill in ${Date.now() - started} ms`);
    return { accountId: account.id };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
