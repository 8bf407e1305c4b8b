import { stringify } from 'csv-stringify/sync';
import type { AgingReport, DepositReport } from './billing.dto.js';
import { formatDecimal } from './billing.rules.js';

/** The aging report as CSV: one row per account, amounts as decimals, then the totals. */
export function agingCsv(report: AgingReport): string {
  const amounts = (b: AgingReport['totals']) =>
    [b.current, b.days30, b.days60, b.days90, b.days120, b.balance].map(formatDecimal);
  return stringify(
    [
      ...report.accounts.map((a) => [a.mrn, a.patientName, ...amounts(a)]),
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
        line.payer ?? '',
        line.reference ?? '',
        line.mrn,
        line.patientName,
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
