import { stringify } from 'csv-stringify/sync';
import type { AgingReport, DepositReport } from './billing.dto.js';
import { formatDecimal } from './billing.rules.js';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab or return first) is written
 * with a leading apostrophe: names, payers and references come from people and files.
 */
export function csvText(value: string | null): string {
  const text = value ?? '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The aging report as CSV: one row per account, amounts as decimals, then the totals. */
export function agingCsv(report: AgingReport): string {
  const amounts = (b: AgingReport['totals']) =>
    [b.current, b.days30, b.days60, b.days90, b.days120, b.balance].map(formatDecimal);
  return stringify(
    [
      ...report.accounts.map((a) => [csvText(a.mrn), csvText(a.patientName), ...amounts(a)]),
      ['', 'Total', ...amounts(report.totals)],
    ],
    {
      header: true,
      columns: [
        'mrn',
        'patient',
        'current',
        'days_30',
        'days_60',
        'days_90',
        'days_120_plus',
        'balance',
      ],
    },
  );
}

/** The day's deposits as CSV: one row per payment or refund, then the totals by kind. */
export function depositsCsv(report: DepositReport): string {
  return stringify(
    [
      ...report.lines.map((line) => [
        report.date,
        line.kind,
        csvText(line.payer),
        csvText(line.reference),
        csvText(line.mrn),
        csvText(line.patientName),
        formatDecimal(line.amount.amountMinor),
        line.reversed ? 'reversed' : '',
      ]),
      [
        report.date,
        'total insurance payments',
        '',
        '',
        '',
        '',
        formatDecimal(report.insurancePayments.amountMinor),
        '',
      ],
      [
        report.date,
        'total patient payments',
        '',
        '',
        '',
        '',
        formatDecimal(report.patientPayments.amountMinor),
        '',
      ],
      [report.date, 'total refunds', '', '', '', '', formatDecimal(report.refunds.amountMinor), ''],
      [report.date, 'deposit total', '', '', '', '', formatDecimal(report.total.amountMinor), ''],
    ],
    {
      header: true,
      columns: ['date', 'kind', 'payer', 'reference', 'mrn', 'patient', 'amount', 'note'],
    },
  );
}
