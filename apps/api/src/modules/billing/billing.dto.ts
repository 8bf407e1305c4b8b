import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  IsCalendarDate,
  PageLimit,
  Rule,
  TextBlockField,
  TextField,
  TextRule,
} from '../../common/field-rules.js';
import { IsPageCursor, PageOf } from '../../common/pager.js';
import { BILLING_CURRENCY, ENTRY_KINDS, MAX_AMOUNT, type EntryKind } from './billing.rules.js';

const PROCEDURE_CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/;

/** An amount in minor units: a whole, positive number (never a decimal or a string). */
function AmountField(description: string) {
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      format: 'int64',
      minimum: 1,
      maximum: MAX_AMOUNT,
      description: `${description}, in minor units of the currency (cents): 12550 is 125.50`,
      example: 12550,
    }),
    Rule('isAmount', (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return 'Send the amount as a whole number of cents, like 12550 for 125.50.';
      if (!Number.isInteger(value))
        return 'Send the amount in cents as a whole number, without a decimal point.';
      if (value <= 0) return 'The amount must be more than zero.';
      if (value > MAX_AMOUNT) return `The amount may be at most ${MAX_AMOUNT} cents.`;
      return null;
    }),
  );
}

function CurrencyField() {
  return applyDecorators(
    ApiProperty({
      type: String,
      enum: [BILLING_CURRENCY],
      description: 'ISO 4217 currency of the amount; the clinic keeps its accounts in one',
    }),
    Rule('isCurrency', (value) =>
      value === BILLING_CURRENCY ? null : `Send the currency as ${BILLING_CURRENCY}.`,
    ),
  );
}

function DayField(label: string, description: string) {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date', description }),
    IsCalendarDate(`Enter ${label} as YYYY-MM-DD.`),
  );
}

function OptionalChargeField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'uuid', nullable: true, description }),
    IsOptional(),
    IsUUID('all', { message: 'Send the id of one of the account’s charges.' }),
  );
}

/** A count in a response. */
const COUNT = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const;
/** An amount in minor units in a response (a JSON-safe integer). */
const AMOUNT = {
  type: 'integer',
  format: 'int64',
  minimum: -Number.MAX_SAFE_INTEGER,
  maximum: Number.MAX_SAFE_INTEGER,
} as const;
/** Units of a service. */
const UNITS = { type: 'integer', format: 'int32', minimum: 1, maximum: 999 } as const;
/** The most rows a report lists (every account of the clinic). */
const MAX_REPORT_ROWS = 1_000_000;

/** An amount and its currency, as every response writes money. */
export class Money {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: -Number.MAX_SAFE_INTEGER,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'Minor units of the currency (cents); negative is a credit to the patient',
    example: 12550,
  })
  amountMinor: number;
  @ApiProperty({ type: String, example: 'USD', minLength: 3, maxLength: 3 }) currency: string;
}

// ---- Staff: postings ----

export class PostChargeRequest {
  @DayField('the service date', 'The day of the service') serviceDate: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The visit, when known' })
  @IsOptional()
  @IsUUID('all', { message: 'Send the id of one of the patient’s appointments.' })
  appointmentId?: string | null;

  @ApiProperty({
    type: String,
    maxLength: 20,
    example: 'OV-EST-2',
    description: 'The clinic’s own procedure code (from its fee schedule)',
  })
  @TextRule({
    missing: 'Enter the clinic’s procedure code.',
    max: 20,
    pattern: PROCEDURE_CODE,
    badPattern: 'Use letters, digits, dots and dashes for the procedure code.',
  })
  procedureCode: string;

  @TextField('required', 'a description the patient understands', 200, {
    example: 'Office visit, established patient',
  })
  description: string;

  @ApiProperty({ ...UNITS, default: 1 })
  @Rule('isUnits', (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 999
      ? null
      : 'Units must be a whole number from 1 to 999.',
  )
  units: number = 1;

  @AmountField('The total charge for the units') amountMinor: number;
  @CurrencyField() currency: string;
}

export class PostInsurancePaymentRequest {
  @OptionalChargeField('The charge the payment is for') chargeId?: string | null;
  @AmountField('What the insurer paid') amountMinor: number;
  @CurrencyField() currency: string;
  @TextField('required', 'the insurer’s name', 100) payer: string;
  @TextField('optional', 'the check or transfer number', 100) reference?: string;
  @DayField('the day it was received', 'The day the money was received') receivedOn: string;
}

export class PostAdjustmentRequest {
  @OptionalChargeField('The charge the insurer’s contract lowers') chargeId?: string | null;
  @AmountField('How much the contract takes off') amountMinor: number;
  @CurrencyField() currency: string;
  @TextField('optional', 'the insurer’s name', 100) payer?: string;
  @TextBlockField('optional', 'a note', 500) reason?: string;
}

export class PostWriteOffRequest {
  @OptionalChargeField('The charge written off, when it is one') chargeId?: string | null;
  @AmountField('How much is forgiven') amountMinor: number;
  @CurrencyField() currency: string;
  @TextBlockField('required', 'why it is written off', 500, {
    example: 'Financial hardship approved by the billing manager',
  })
  reason: string;
}

export class PostReversalRequest {
  @TextBlockField('required', 'why the entry is reversed', 500, {
    example: 'Posted to the wrong patient',
  })
  reason: string;
}

export class RemittanceUploadRequest {
  @TextField('required', 'the file’s name', 200, { example: 'acme-2026-03-02.csv' })
  fileName: string;

  @ApiProperty({
    type: String,
    maxLength: 2_000_000,
    description:
      'The remittance file as CSV text. Header row: charge_id,payer,paid_amount,adjustment_amount,reference,paid_on. ' +
      'Amounts are decimals in the currency (80.00), paid_on is YYYY-MM-DD.',
  })
  @TextRule({ missing: 'Send the CSV text of the remittance file.', max: 2_000_000 })
  csv: string;
}

export class RemittanceResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ ...COUNT, description: 'Rows of the file, all posted' }) rows: number;
  @ApiProperty({ ...COUNT, description: 'Journal entries posted' }) entries: number;
  @ApiProperty({ type: Money, description: 'What the insurers paid, in all' }) paid: Money;
  @ApiProperty({ type: Money, description: 'What their contracts took off, in all' })
  adjusted: Money;
}

// ---- Staff: the ledger ----

export class LedgerQuery {
  @PageLimit(100, 50) limit: number = 50;

  @ApiPropertyOptional({ type: String, maxLength: 1200 })
  @IsOptional()
  @IsPageCursor('none')
  cursor?: string;
}

export class LedgerEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ENTRY_KINDS, enumName: 'LedgerEntryKind' }) kind: EntryKind;
  @ApiProperty({
    type: String,
    format: 'date',
    description: 'Service date, or the day money moved',
  })
  date: string;
  @ApiProperty({ type: String, format: 'date-time' }) postedAt: string;
  @ApiProperty({ maxLength: 300, description: 'What it is, in words' }) description: string;
  @ApiProperty({ type: Money, description: 'How it changes what is owed: + raises, − lowers' })
  change: Money;
  @ApiProperty({ type: Money, description: 'What is owed after this entry' })
  runningBalance: Money;
  @ApiProperty({ type: String, nullable: true, maxLength: 20 }) procedureCode: string | null;
  @ApiProperty({ ...UNITS, nullable: true }) units: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appointmentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) chargeId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The entry it reverses',
  })
  reversesId: string | null;
  @ApiProperty({ description: 'A later entry reverses this one' }) reversed: boolean;
  @ApiProperty({ type: String, nullable: true, maxLength: 100 }) payer: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100 }) reference: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) reason: string | null;
}

export class LedgerPage extends PageOf(LedgerEntryView, {
  description: 'Newest posting first',
}) {
  @ApiProperty({ type: Money, description: 'What is owed now' }) balance: Money;
}

// ---- Staff: reports ----

export class AgingQuery {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'The day it is aged on; today by default',
  })
  @IsOptional()
  @IsCalendarDate('Enter the day as YYYY-MM-DD.')
  asOf?: string;
}

export class AgingBuckets {
  @ApiProperty({ ...AMOUNT, description: 'Under 30 days' }) current: number;
  @ApiProperty({ ...AMOUNT, description: '30 to 59 days' }) days30: number;
  @ApiProperty({ ...AMOUNT, description: '60 to 89 days' }) days60: number;
  @ApiProperty({ ...AMOUNT, description: '90 to 119 days' }) days90: number;
  @ApiProperty({ ...AMOUNT, description: '120 days or more' })
  days120: number;
  @ApiProperty({
    ...AMOUNT,
    description: 'What is owed in all (negative: a credit)',
  })
  balance: number;
}

export class AgingAccountView extends AgingBuckets {
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ maxLength: 40 }) mrn: string;
  @ApiProperty({ maxLength: 200 }) patientName: string;
}

export class AgingReport {
  @ApiProperty({ type: String, format: 'date' }) asOf: string;
  @ApiProperty({ type: String, example: 'USD', maxLength: 3 }) currency: string;
  @ApiProperty({ type: AgingBuckets, description: 'Minor units, every account' })
  totals: AgingBuckets;
  @ApiProperty({
    type: [AgingAccountView],
    maxItems: MAX_REPORT_ROWS,
    description: 'Accounts that owe or are owed, by name',
  })
  accounts: AgingAccountView[];
}

export class DepositQuery {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'The day; today by default' })
  @IsOptional()
  @IsCalendarDate('Enter the day as YYYY-MM-DD.')
  date?: string;
}

export class DepositLineView {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({
    enum: ['insurance-payment', 'patient-payment', 'refund'],
    enumName: 'DepositKind',
  })
  kind: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) payer: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) reference: string | null;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ maxLength: 40 }) mrn: string;
  @ApiProperty({ maxLength: 200 }) patientName: string;
  @ApiProperty({ type: Money, description: 'In (+) or out (− for a refund)' }) amount: Money;
  @ApiProperty({ description: 'Reversed later: not in the totals' }) reversed: boolean;
}

export class DepositReport {
  @ApiProperty({ type: String, format: 'date' }) date: string;
  @ApiProperty({ type: [DepositLineView], maxItems: MAX_REPORT_ROWS }) lines: DepositLineView[];
  @ApiProperty({ type: Money }) insurancePayments: Money;
  @ApiProperty({ type: Money }) patientPayments: Money;
  @ApiProperty({ type: Money, description: 'Refunds paid out (negative)' }) refunds: Money;
  @ApiProperty({ type: Money, description: 'The day’s deposit' }) total: Money;
}

// ---- Staff: statement runs ----

export class StatementPeriod {
  @DayField('the first day of the period', 'First day of the period') periodStart: string;
  @DayField('the last day of the period', 'Last day of the period') periodEnd: string;
}

export class StatementRunPreview {
  @ApiProperty({ type: String, format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd: string;
  @ApiProperty({ ...COUNT, description: 'Accounts that owe something at the period’s end' })
  accounts: number;
  @ApiProperty({ type: Money, description: 'What they owe in all' }) totalDue: Money;
  @ApiProperty({ ...COUNT, description: 'Statements of this period already issued' })
  alreadyIssued: number;
}

export class StatementRunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd: string;
  @ApiProperty({ ...COUNT, description: 'Accounts the run issues to' }) accounts: number;
  @ApiProperty({
    description: 'False when the period had been run already: nothing new was queued',
  })
  created: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

// ---- Patient ----

export class BillingSummary {
  @ApiProperty({ type: Money, description: 'What is owed on the account now (negative: a credit)' })
  balance: Money;
  @ApiProperty({ type: Money, description: 'What to pay now: the balance, or zero' })
  amountDue: Money;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Pay by this day (from the latest statement)',
  })
  dueBy: string | null;
  @ApiProperty({ maxLength: 300, description: 'The same, in one sentence' })
  text: string;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 9,
    description: 'Code of the latest statement',
  })
  latestStatementCode: string | null;
}

export class PageQuery {
  @PageLimit(100, 20) limit: number = 20;

  @ApiPropertyOptional({ type: String, maxLength: 1200 })
  @IsOptional()
  @IsPageCursor('date')
  cursor?: string;
}

export class StatementPageQuery {
  @PageLimit(100, 20) limit: number = 20;

  @ApiPropertyOptional({ type: String, maxLength: 1200 })
  @IsOptional()
  @IsPageCursor('instant')
  cursor?: string;
}

export class VisitView {
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) visitType: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) provider: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) location: string | null;
}

export class ChargeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) serviceDate: string;
  @ApiProperty({ maxLength: 200, description: 'The service, in plain words' }) description: string;
  @ApiProperty({ maxLength: 20 }) procedureCode: string;
  @ApiProperty(UNITS) units: number;
  @ApiProperty({ type: VisitView, nullable: true, description: 'The visit it was for, when known' })
  visit: VisitView | null;
  @ApiProperty({ type: Money }) charged: Money;
  @ApiProperty({ type: Money }) insurancePaid: Money;
  @ApiProperty({ type: Money, description: 'Taken off under the insurer’s contract' })
  insuranceAdjusted: Money;
  @ApiProperty({ type: Money, description: 'Paid by the patient toward this charge' })
  youPaid: Money;
  @ApiProperty({ type: Money, description: 'Forgiven by the clinic' }) forgiven: Money;
  @ApiProperty({ type: Money, description: 'What is left to pay on this charge' }) youOwe: Money;
  @ApiProperty({ maxLength: 400, description: 'The same in one sentence' }) text: string;
}

export class ChargePage extends PageOf(ChargeView, { description: 'Newest service first' }) {}

export class PaymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['patient-payment', 'refund'], enumName: 'PaymentKind' }) kind: string;
  @ApiProperty({ type: String, format: 'date' }) date: string;
  @ApiProperty({
    type: Money,
    description: 'Paid (positive) or refunded to the patient (negative)',
  })
  amount: Money;
  @ApiProperty({ maxLength: 200 }) description: string;
  @ApiProperty({ description: 'Cancelled by a correction' }) reversed: boolean;
}

export class PaymentPage extends PageOf(PaymentView, { description: 'Newest first' }) {}

export class StatementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'K7QM-4XPA',
    maxLength: 9,
    description: 'Quote it when paying or calling',
  })
  code: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate: string;
  @ApiProperty({ type: Money }) previousBalance: Money;
  @ApiProperty({ type: Money }) newCharges: Money;
  @ApiProperty({ type: Money, description: 'Insurance payments and adjustments' })
  insuranceCredits: Money;
  @ApiProperty({ type: Money, description: 'Patient payments and amounts forgiven' })
  patientCredits: Money;
  @ApiProperty({ type: Money, description: 'Owed at the end of the period' }) balance: Money;
}

export class StatementPage extends PageOf(StatementView, { description: 'Newest first' }) {}
