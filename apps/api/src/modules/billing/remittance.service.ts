import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { isCalendarDate, SINGLE_LINE } from '../../common/field-rules.js';
import type { Accessor } from '../../common/principal.js';
import type { FieldError } from '../../common/problem.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { newId } from '../../infra/database/ids.js';
import type { RemittanceResult, RemittanceUploadRequest } from './billing.dto.js';
import { RemittanceRejectedError } from './billing.errors.js';
import { BillingRepository } from './billing.repository.js';
import { BILLING_CURRENCY, MAX_AMOUNT, parseDecimalAmount } from './billing.rules.js';
import { BillingService, money, type Posting } from './billing.service.js';

/** The columns of a remittance file, in any order; each is required. */
export const REMITTANCE_COLUMNS = [
  'charge_id',
  'payer',
  'paid_amount',
  'adjustment_amount',
  'reference',
  'paid_on',
] as const;

/** The most rows one file may carry. */
export const MAX_REMITTANCE_ROWS = 5_000;

interface RemittanceRow {
  line: number;
  chargeId: string;
  payer: string;
  paid: number;
  adjusted: number;
  reference: string | null;
  paidOn: string;
}

function field(line: number, column: string, message: string): FieldError {
  return { field: `rows.${line}.${column}`, message };
}

/**
 * A payer's remittance file, checked as a whole: every row's fields and charge first, and
 * only when none is wrong are all rows posted, in one transaction. A wrong row answers 422
 * listing each wrong field as rows.<line>.<column> (line numbers count the header as 1).
 */
@Injectable()
export class RemittanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: BillingRepository,
    private readonly billing: BillingService,
    private readonly clock: Clock,
  ) {}

  /** The rows of the file, or the list of what is wrong with it. */
  read(csv: string): { rows: RemittanceRow[]; errors: FieldError[] } {
    let records: string[][];
    try {
      records = parse(csv, {
        skip_empty_lines: true,
        trim: true,
        relax_column_count: false,
        bom: true,
      }) as string[][];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      return {
        rows: [],
        errors: [
          {
            field: line ? `rows.${line}` : 'csv',
            message: 'This line is not valid CSV (check quotes and the number of columns).',
          },
        ],
      };
    }
    const [header, ...data] = records;
    if (!header) return { rows: [], errors: [{ field: 'csv', message: 'The file is empty.' }] };
    const names = header.map((name) => name.toLowerCase());
    const missing = REMITTANCE_COLUMNS.filter((column) => !names.includes(column));
    if (missing.length) {
      return {
        rows: [],
        errors: missing.map((column) => ({
          field: `rows.1.${column}`,
          message: `The header has no ${column} column.`,
        })),
      };
    }
    if (!data.length)
      return {
        rows: [],
        errors: [{ field: 'csv', message: 'The file has no rows after the header.' }],
      };
    if (data.length > MAX_REMITTANCE_ROWS) {
      return {
        rows: [],
        errors: [
          { field: 'csv', message: `A file may carry at most ${MAX_REMITTANCE_ROWS} rows.` },
        ],
      };
    }
    const index = Object.fromEntries(
      REMITTANCE_COLUMNS.map((column) => [column, names.indexOf(column)]),
    );
    const errors: FieldError[] = [];
    const rows: RemittanceRow[] = [];
    data.forEach((record, position) => {
      const line = position + 2;
      const value = (column: (typeof REMITTANCE_COLUMNS)[number]) => record[index[column]!] ?? '';
      const before = errors.length;
      const chargeId = value('charge_id');
      if (!UUID_PATTERN.test(chargeId))
        errors.push(field(line, 'charge_id', 'Give the id of the charge.'));
      const payer = value('payer');
      if (!payer || payer.length > 100 || !SINGLE_LINE.test(payer))
        errors.push(field(line, 'payer', 'Give the insurer’s name (up to 100 characters).'));
      const amount = (column: 'paid_amount' | 'adjustment_amount') => {
        const text = value(column);
        const minor = text === '' ? 0 : parseDecimalAmount(text);
        if (minor === null || minor > MAX_AMOUNT) {
          errors.push(field(line, column, 'Write the amount as a positive decimal, like 80.00.'));
          return 0;
        }
        return minor;
      };
      const paid = amount('paid_amount');
      const adjusted = amount('adjustment_amount');
      if (errors.length === before && paid === 0 && adjusted === 0)
        errors.push(field(line, 'paid_amount', 'The row pays and adjusts nothing.'));
      const reference = value('reference');
      if (reference.length > 100 || !SINGLE_LINE.test(reference))
        errors.push(field(line, 'reference', 'Keep the reference to 100 characters on one line.'));
      const paidOn = value('paid_on');
      if (!isCalendarDate(paidOn))
        errors.push(field(line, 'paid_on', 'Write the day as YYYY-MM-DD.'));
      if (errors.length === before) {
        rows.push({
          line,
          chargeId: chargeId.toLowerCase(),
          payer,
          paid,
          adjusted,
          reference: reference || null,
          paidOn,
        });
      }
    });
    return { rows, errors };
  }

  async upload(body: RemittanceUploadRequest, by: Accessor): Promise<RemittanceResult> {
    const { rows, errors } = this.read(body.csv);
    if (errors.length) throw new RemittanceRejectedError(errors);
    return this.db.transaction(async (tx) => {
      const charges = await this.repository.liveCharges(tx, null, [
        ...new Set(rows.map((r) => r.chargeId)),
      ]);
      const accountOf = new Map(charges.map((c) => [c.id, c.account_id]));
      const unknown = rows
        .filter((row) => !accountOf.has(row.chargeId))
        .map((row) => field(row.line, 'charge_id', 'No such charge, or it was reversed.'));
      if (unknown.length) throw new RemittanceRejectedError(unknown);
      const patients = (await tx.query(
        `SELECT id, patient_id FROM billing_account WHERE id = ANY($1::uuid[])`,
        [[...new Set(accountOf.values())]],
      )) as { id: string; patient_id: string }[];
      const patientOf = new Map(patients.map((p) => [p.id, p.patient_id]));
      const remittanceId = newId();
      await tx.query(
        `INSERT INTO remittance (id, file_name, row_count, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5)`,
        [remittanceId, body.fileName, rows.length, by.principal.accountId, this.clock.now()],
      );
      const byPatient = new Map<string, Posting[]>();
      for (const row of rows) {
        const patientId = patientOf.get(accountOf.get(row.chargeId)!)!;
        const postings = byPatient.get(patientId) ?? [];
        const common = {
          chargeId: row.chargeId,
          payer: row.payer,
          reference: row.reference,
          remittanceId,
        };
        if (row.paid)
          postings.push({
            kind: 'insurance-payment',
            amount: row.paid,
            effectiveDate: row.paidOn,
            ...common,
          });
        if (row.adjusted)
          postings.push({
            kind: 'insurance-adjustment',
            amount: row.adjusted,
            effectiveDate: row.paidOn,
            ...common,
          });
        byPatient.set(patientId, postings);
      }
      let entries = 0;
      for (const [patientId, postings] of [...byPatient].sort(([a], [b]) => a.localeCompare(b))) {
        entries += (await this.billing.post(patientId, postings, by, tx)).length;
      }
      const paid = rows.reduce((sum, row) => sum + row.paid, 0);
      const adjusted = rows.reduce((sum, row) => sum + row.adjusted, 0);
      return {
        id: remittanceId,
        rows: rows.length,
        entries,
        paid: money(paid, BILLING_CURRENCY),
        adjusted: money(adjusted, BILLING_CURRENCY),
      };
    });
  }
}
