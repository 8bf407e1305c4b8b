import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import {
  IsCalendarDate,
  OptionalIdField,
  PageLimit,
  presence,
  Rule,
  SearchTextField,
  TextBlockField,
  TextField,
} from '../../common/field-rules.js';
import { IsPageCursor, PageOf } from '../../common/pager.js';
import {
  DENIAL_REASON_CODES,
  REFILL_KINDS,
  REFILL_STATUSES,
  type DenialReason,
  type RefillKind,
  type RefillStatus,
} from './refills.rules.js';

/** Most medications in one request, and most requests in one bulk approval. */
export const MAX_MEDICATIONS_PER_REQUEST = 20;
export const MAX_BULK_APPROVALS = 50;

function WholeNumber(mode: 'optional', label: string, min: number, max: number, example: number) {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, example }),
    ...presence(mode),
    Rule('isWholeNumber', (value) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : `Enter ${label} as a whole number from ${min} to ${max}.`,
    ),
  );
}

function ExpectedVersion() {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      maximum: 2_147_483_647,
      description:
        'The version of the request as loaded: when given, a request changed since answers 409 refill_state_conflict',
    }),
    ...presence('optional'),
    Rule('isVersion', (value) =>
      Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647
        ? null
        : 'Send the version of the request as it was loaded.',
    ),
  );
}

// ---- Pharmacies ----

export class PharmacyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    pattern: '^[0-9]{7}$',
    maxLength: 7,
    example: '1234567',
    description: 'NCPDP provider id',
  })
  ncpdpId: string;
  @ApiProperty({ maxLength: 200, example: 'Main Street Pharmacy' }) name: string;
  @ApiProperty({ maxLength: 200, example: '12 Main Street' }) addressLine: string;
  @ApiProperty({ maxLength: 100, example: 'Springfield' }) city: string;
  @ApiProperty({ maxLength: 50, example: 'IL' }) region: string;
  @ApiProperty({ maxLength: 10, example: '62701' }) postalCode: string;
  @ApiProperty({ maxLength: 40, example: '+1 555 010 3000' }) phone: string;
}

export class PharmacyPage extends PageOf(PharmacyView) {}

export class PharmacyQuery {
  @SearchTextField({
    description: 'The start of the pharmacy’s name, its city or its ZIP code',
    example: 'Main',
  })
  q?: string;

  @PageLimit(100, 20) limit: number = 20;

  @ApiPropertyOptional({ type: String, maxLength: 1200 })
  @IsOptional()
  @IsPageCursor('text')
  cursor?: string;
}

export class PreferredPharmacyView {
  @ApiProperty({
    type: PharmacyView,
    nullable: true,
    description: 'null when the patient has not chosen one',
  })
  pharmacy: PharmacyView | null;
}

export class SetPreferredPharmacyRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Choose a pharmacy from the directory.' })
  pharmacyId: string;
}

// ---- Requests ----

export class CreateRefillRequests {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_MEDICATIONS_PER_REQUEST,
    uniqueItems: true,
    description: 'The patient’s active medications to refill: one request is made for each',
  })
  @IsArray({ message: 'Send medicationIds as a list.' })
  @ArrayMinSize(1, { message: 'Choose at least one medication.' })
  @ArrayMaxSize(MAX_MEDICATIONS_PER_REQUEST, {
    message: `Choose at most ${MAX_MEDICATIONS_PER_REQUEST} medications at once.`,
  })
  @ArrayUnique({ message: 'Choose each medication once.' })
  @IsUUID('all', { each: true, message: 'Each medication id must be a UUID.' })
  medicationIds: string[];

  @OptionalIdField(
    'Choose a pharmacy from the directory.',
    'The pharmacy to fill them; default: the preferred pharmacy',
  )
  pharmacyId?: string;

  @TextBlockField('nullable', 'the note', 1000, {
    description: 'A note for the care team',
    example: 'I am running low; three days left.',
  })
  note?: string | null;
}

export class RefillHistoryEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    enum: ['status', 'sent'],
    enumName: 'RefillHistoryEvent',
    description: 'status: the request moved; sent: the prescription went to the pharmacy',
  })
  event: 'status' | 'sent';
  @ApiProperty({ enum: REFILL_STATUSES, enumName: 'RefillStatus', nullable: true })
  fromStatus: RefillStatus | null;
  @ApiProperty({ enum: REFILL_STATUSES, enumName: 'RefillStatus' }) toStatus: RefillStatus;
  @ApiProperty({
    enum: ['patient', 'staff', 'portal'],
    enumName: 'RefillActorKind',
    description: 'Who made the change; portal: the portal itself (sending)',
  })
  byKind: 'patient' | 'staff' | 'portal';
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) byName: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 1000 }) reason: string | null;
}

export class RefillRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ format: 'uuid' }) medicationId: string;
  @ApiProperty({ maxLength: 500, example: 'lisinopril 10 MG Oral Tablet' })
  medicationName: string;
  @ApiProperty({
    enum: REFILL_KINDS,
    enumName: 'RefillKind',
    description: 'renewal: no refills remained, so the prescriber writes a new prescription',
  })
  kind: RefillKind;
  @ApiProperty({ enum: REFILL_STATUSES, enumName: 'RefillStatus' }) status: RefillStatus;
  @ApiProperty({ maxLength: 50, example: 'In review', description: 'The status in words' })
  statusText: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 2_147_483_647 })
  version: number;
  @ApiProperty({ type: PharmacyView }) pharmacy: PharmacyView;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) prescriber: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 1000 }) note: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({
    enum: DENIAL_REASON_CODES,
    enumName: 'RefillDenialReason',
    nullable: true,
  })
  denialReasonCode: DenialReason | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 1000 }) decisionReason: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 1000, nullable: true })
  approvedQuantity: number | null;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 99, nullable: true })
  approvedRefills: number | null;
  @ApiProperty({
    enum: ['waiting', 'sent'],
    enumName: 'RefillSendStatus',
    nullable: true,
    description:
      'For an approved request: waiting (to send to the pharmacy) until the prescription is sent',
  })
  sendStatus: 'waiting' | 'sent' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: [RefillHistoryEntryView], maxItems: 100, description: 'Oldest first' })
  history: RefillHistoryEntryView[];
}

export class RefillRequestPage extends PageOf(RefillRequestView) {}

export class RefillRequestList {
  @ApiProperty({ type: [RefillRequestView], maxItems: MAX_MEDICATIONS_PER_REQUEST })
  items: RefillRequestView[];
}

export class PageQuery {
  @PageLimit(100, 20) limit: number = 20;

  @ApiPropertyOptional({ type: String, maxLength: 1200 })
  @IsOptional()
  @IsPageCursor('instant')
  cursor?: string;
}

// ---- Staff ----

export class RefillQueueQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: REFILL_STATUSES,
    enumName: 'RefillStatus',
    description: 'Only this status; default: the open ones (requested and in review)',
  })
  @IsOptional()
  @IsIn(REFILL_STATUSES, { message: `Choose one of: ${REFILL_STATUSES.join(', ')}.` })
  status?: RefillStatus;

  @TextField('optional', 'the prescriber', 200, {
    description: 'Only requests routed to this prescriber (as written on the medication)',
  })
  prescriber?: string;

  @OptionalIdField(
    'Choose a location.',
    'Only patients seen at this location (an appointment there)',
  )
  locationId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 365,
    description: 'Only requests made at least this many days ago',
  })
  @IsOptional()
  @Type(() => Number)
  @Rule('isAge', (value) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 365
      ? null
      : 'Enter the age in days as a whole number from 0 to 365.',
  )
  olderThanDays?: number;
}

export class RefillPatientSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) name: string;
  @ApiProperty({ maxLength: 40 }) mrn: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The start of the patient’s last visit that took place',
  })
  lastVisitAt: string | null;
}

export class RefillMedicationRecent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REFILL_STATUSES, enumName: 'RefillStatus' }) status: RefillStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class RefillMedicationSummary {
  @ApiProperty({ type: String, nullable: true, maxLength: 100 }) dose: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100 }) frequency: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 99, nullable: true })
  refillsRemaining: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastFilledOn: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({
    type: [RefillMedicationRecent],
    maxItems: 5,
    description: 'The medication’s earlier refill requests, newest first (at most 5)',
  })
  recentRequests: RefillMedicationRecent[];
}

export class RefillQueueItem extends RefillRequestView {
  @ApiProperty({ type: RefillPatientSummary }) patient: RefillPatientSummary;
  @ApiProperty({ type: RefillMedicationSummary }) medication: RefillMedicationSummary;
  @ApiProperty({ description: 'Open and untouched for two business days or more' })
  stale: boolean;
}

export class RefillQueuePage extends PageOf(RefillQueueItem) {}

export class ChangeRefillRequest {
  @ExpectedVersion() version?: number;
}

export class ApproveRefillRequest extends ChangeRefillRequest {
  @WholeNumber('optional', 'the quantity', 1, 1000, 30)
  quantity?: number;

  @WholeNumber('optional', 'the refills', 0, 99, 3)
  refills?: number;
}

export class DenyRefillRequest extends ChangeRefillRequest {
  @ApiProperty({ enum: DENIAL_REASON_CODES, enumName: 'RefillDenialReason' })
  @IsIn(DENIAL_REASON_CODES, {
    message: `Choose a reason: ${DENIAL_REASON_CODES.join(', ')}.`,
  })
  reasonCode: DenialReason;

  @TextBlockField('nullable', 'the reason', 1000, {
    description: 'In the reviewer’s words; required with reasonCode other',
  })
  reason?: string | null;
}

export class NeedsAppointmentRequest extends ChangeRefillRequest {
  @TextBlockField('nullable', 'the note', 1000, {
    description: 'What the visit is for, for the patient',
  })
  reason?: string | null;
}

export class BulkApproveRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_BULK_APPROVALS,
    uniqueItems: true,
  })
  @IsArray({ message: 'Send requestIds as a list.' })
  @ArrayMinSize(1, { message: 'Name at least one request.' })
  @ArrayMaxSize(MAX_BULK_APPROVALS, {
    message: `Name at most ${MAX_BULK_APPROVALS} requests at once.`,
  })
  @ArrayUnique({ message: 'Name each request once.' })
  @IsUUID('all', { each: true, message: 'Each request id must be a UUID.' })
  requestIds: string[];
}

export class BulkApproveConflict {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REFILL_STATUSES, enumName: 'RefillStatus', nullable: true })
  status: RefillStatus | null;
  @ApiProperty({ maxLength: 300 }) reason: string;
}

export class BulkApproveResult {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_BULK_APPROVALS })
  approved: string[];
  @ApiProperty({
    type: [BulkApproveConflict],
    maxItems: MAX_BULK_APPROVALS,
    description: 'Requests left as they were: not open any more, not found, or not routine',
  })
  notApproved: BulkApproveConflict[];
}

export class TurnaroundQuery {
  @ApiProperty({ format: 'date', description: 'First day (UTC) of requests counted' })
  @IsCalendarDate('Enter the first day as YYYY-MM-DD.')
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day (UTC) of requests counted' })
  @IsCalendarDate('Enter the last day as YYYY-MM-DD.')
  to: string;
}

export class TurnaroundWeek {
  @ApiProperty({ format: 'date', description: 'Monday of the week (UTC)' }) weekStart: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  requested: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  decided: number;
}

export class TurnaroundPrescriber {
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) prescriber: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  decided: number;
  @ApiProperty({ type: 'number', description: 'Median hours from request to decision' })
  medianHours: number;
  @ApiProperty({ type: 'number', description: '90th percentile of hours to decision' })
  p90Hours: number;
}

export class TurnaroundReport {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [TurnaroundWeek], maxItems: 60 }) weeks: TurnaroundWeek[];
  @ApiProperty({ type: [TurnaroundPrescriber], maxItems: 1000 })
  prescribers: TurnaroundPrescriber[];
}
