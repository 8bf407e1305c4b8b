/**
 * The money model of billing, in one place. Amounts are integers of the currency's minor
 * unit (cents), carried as bigint in PostgreSQL and as JSON integers on the wire (every
 * amount the API takes or answers is a safe integer: MAX_AMOUNT bounds a posting, and sums
 * are checked when read). No float is ever used for money.
 */

export const ENTRY_KINDS = [
  'charge',
  'insurance-payment',
  'insurance-adjustment',
  'patient-payment',
  'refund',
  'write-off',
  'reversal',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const LEDGERS = [
  'receivable',
  'revenue',
  'cash',
  'contractual-adjustment',
  'bad-debt',
] as const;
export type Ledger = (typeof LEDGERS)[number];

/** The clinic's currency: every account is kept in it. */
export const BILLING_CURRENCY = 'USD';

/** The largest single posting: 10 million in major units, far inside a safe integer. */
export const MAX_AMOUNT = 1_000_000_000;

/** A journal line: debit positive, credit negative. */
export interface JournalLine {
  ledger: Ledger;
  amount: number;
}

/**
 * The two lines of each kind of entry (a reversal's are its original's, negated). The
 * receivable ledger is what is owed on the patient's account: a charge or a refund raises
 * it, every payment, adjustment and write-off lowers it.
 */
const LINES: Record<Exclude<EntryKind, 'reversal'>, [debit: Ledger, credit: Ledger]> = {
  charge: ['receivable', 'revenue'],
  'insurance-payment': ['cash', 'receivable'],
  'insurance-adjustment': ['contractual-adjustment', 'receivable'],
  'patient-payment': ['cash', 'receivable'],
  refund: ['receivable', 'cash'],
  'write-off': ['bad-debt', 'receivable'],
};

export function linesOf(kind: Exclude<EntryKind, 'reversal'>, amount: number): JournalLine[] {
  const [debit, credit] = LINES[kind];
  return [
    { ledger: debit, amount },
    { ledger: credit, amount: -amount },
  ];
}

export function reversalLines(original: JournalLine[]): JournalLine[] {
  return original.map((line) => ({ ledger: line.ledger, amount: -line.amount }));
}

/** A bigint column as a JSON-safe integer (PostgreSQL hands bigint to pg as text). */
export function minorUnits(value: string | number | null | undefined): number {
  const number = typeof value === 'number' ? value : Number(value ?? 0);
  if (!Number.isSafeInteger(number)) throw new Error('amount beyond a safe integer');
  return number;
}

/**
 * A decimal amount as payers write it ("80", "80.5", "80.00") in minor units, read as text
 * (never through a float); null when it is not one.
 */
export function parseDecimalAmount(text: string): number | null {
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** Minor units as a plain decimal ("1234.50"), for CSV and PDF. */
export function formatDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** Minor units as a patient reads them ("$1,234.50", "-$5.00"); one formatter per currency. */
export function formatMoney(minor: number, currency = BILLING_CURRENCY): string {
  let format = FORMATS.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    FORMATS.set(currency, format);
  }
  return format.format(minor / 100);
}

/** The aging buckets, by days since the service (or refund) date. */
export const AGING_BUCKETS = ['current', 'days30', 'days60', 'days90', 'days120'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The words of each kind of entry, as a patient reads them. */
export const KIND_WORDS: Record<EntryKind, string> = {
  charge: 'Charge',
  'insurance-payment': 'Insurance payment',
  'insurance-adjustment': 'Insurance adjustment',
  'patient-payment': 'Your payment',
  refund: 'Refund to you',
  'write-off': 'Amount forgiven',
  reversal: 'Correction',
};

/** Days from a statement's issue to its due date. */
export const STATEMENT_DUE_DAYS = 21;

/** Accounts per statement job: each job carries only their ids. */
export const STATEMENT_BATCH_SIZE = 50;

/** A day (YYYY-MM-DD) plus some days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The calendar month before the one an instant falls in (UTC), as a statement period. */
export function previousMonth(now: Date): { periodStart: string; periodEnd: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return {
    periodStart: start.toISOString().slice(0, 10),
    periodEnd: end.toISOString().slice(0, 10),
  };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A statement code: 8 characters in two groups, no look-alike letters (no I, O, 0, 1). */
export function statementCode(random: Buffer): string {
  const chars = [...random.subarray(0, 8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
