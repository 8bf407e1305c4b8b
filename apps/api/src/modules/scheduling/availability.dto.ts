import { PageOf } from '../../common/pager.js';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { toTime } from '../audit/audit.dto.js';
import {
  documented,
  MULTI_LINE,
  OptionalIdField,
  presence,
  Rule,
  TextRule,
} from '../../common/field-rules.js';
import { EXCEPTION_KINDS, type ExceptionKind } from './scheduling.entities.js';

export const RULES_MAX = 100;
export const EXCEPTIONS_SHOWN_MAX = 200;
export const CONFLICTS_MAX = 100;
export const SLOT_LIMIT_MAX = 200;
const SLOT_LIMIT_DEFAULT = 50;
export const CONFLICT_PROBLEMS = ['outside-hours', 'time-off'] as const;
export type ConflictProblem = (typeof CONFLICT_PROBLEMS)[number];

// An instant with its offset: a time without one would be read in the server's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a zone or offset, from 1970 to 9999; null when it is not one. */
export function parseInstant(value: unknown): Date | null {
  return typeof value === 'string' && INSTANT.test(value) ? toTime(value) : null;
}

function InstantField(
  mode: 'required' | 'optional',
  example: string,
  message: string,
  description?: string,
) {
  return applyDecorators(
    documented(mode, { type: String, format: 'date-time', example, description }),
    ...(mode === 'optional' ? [IsOptional()] : presence(mode)),
    Rule('isInstant', (value) => (parseInstant(value) ? null : message)),
  );
}

// --- weekly hours ------------------------------------------------------------------------

export class AvailabilityRuleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  weekday: number;
  @ApiProperty({ maxLength: 5, example: '09:00', description: 'Local time at the location' })
  startTime: string;
  @ApiProperty({ maxLength: 5, example: '17:00', description: 'Local time at the location' })
  endTime: string;
  @ApiProperty({ format: 'date', example: '2026-01-05', description: 'First day (inclusive)' })
  validFrom: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day (inclusive); null when open-ended',
  })
  validUntil: string | null;
}

/** One weekly opening in a replacement; checked in code so each error names rules[i].field. */
export class WeeklyRuleInput {
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  weekday: number;
  @ApiProperty({ example: '09:00', maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][05]$' })
  startTime: string;
  @ApiProperty({ example: '12:00', maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][05]$' })
  endTime: string;
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (inclusive); today at the location when left out',
  })
  validFrom?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last day (inclusive); open-ended when left out',
  })
  validUntil?: string | null;
}

export class ReplaceWeeklyAvailabilityRequest {
  @ApiProperty({ type: [WeeklyRuleInput], maxItems: RULES_MAX })
  @Rule('isRuleList', (value) =>
    Array.isArray(value) &&
    value.length <= RULES_MAX &&
    value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      ? null
      : `Send the weekly hours as a list of at most ${RULES_MAX} entries.`,
  )
  rules: unknown[];
}

export class ScheduleConflict {
  @ApiProperty({ format: 'uuid' }) appointmentId: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ maxLength: 400, example: 'Alexandra (Alex) Rivera' }) patientName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({ maxLength: 100, example: 'Follow-up visit' }) visitTypeName: string;
  @ApiProperty({
    enum: CONFLICT_PROBLEMS,
    enumName: 'ScheduleConflictProblem',
    description: 'time-off: inside time off; outside-hours: outside the open hours',
  })
  problem: ConflictProblem;
}

export class WeeklyAvailabilityResult {
  @ApiProperty({ maxItems: 200, type: [AvailabilityRuleView] }) rules: AvailabilityRuleView[];
  @ApiProperty({
    maxItems: 100,
    type: [ScheduleConflict],
    description: 'Booked appointments now outside the hours: kept, and listed to move',
  })
  conflicts: ScheduleConflict[];
}

// --- exceptions --------------------------------------------------------------------------

export class AvailabilityExceptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EXCEPTION_KINDS, enumName: 'AvailabilityExceptionKind' })
  kind: ExceptionKind;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Where the extra hours are; null for time off (which applies everywhere)',
  })
  locationId: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProviderAvailability {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({
    maxItems: 200,
    type: [AvailabilityRuleView],
    description: 'Every weekly rule, by weekday and start',
  })
  rules: AvailabilityRuleView[];
  @ApiProperty({
    maxItems: 1000,
    type: [AvailabilityExceptionView],
    description: `Time off and extra hours ending after now, by start (at most ${EXCEPTIONS_SHOWN_MAX})`,
  })
  exceptions: AvailabilityExceptionView[];
}

export class AddAvailabilityExceptionRequest {
  @ApiProperty({ enum: EXCEPTION_KINDS, enumName: 'AvailabilityExceptionKind' })
  @IsIn(EXCEPTION_KINDS, { message: 'Choose time-off or extra-hours.' })
  kind: ExceptionKind;

  @OptionalIdField(
    'Choose a location from the list.',
    'Required for extra hours; left out for time off, which applies everywhere',
  )
  locationId?: string;

  @InstantField('required', '2026-12-24T15:00:00.000Z', 'Enter the start as a date and time.')
  startsAt: string;

  @InstantField('required', '2026-12-24T23:00:00.000Z', 'Enter the end as a date and time.')
  endsAt: string;

  @ApiPropertyOptional({ type: String, maxLength: 500, example: 'Conference' })
  @IsOptional()
  @TextRule({
    missing: 'Enter the note, or leave it out.',
    max: 500,
    tooLong: 'Keep the note to 500 characters or fewer.',
    pattern: MULTI_LINE,
    badPattern: 'Write the note without special characters.',
  })
  note?: string;
}

export class AvailabilityExceptionResult {
  @ApiProperty({ type: AvailabilityExceptionView }) exception: AvailabilityExceptionView;
  @ApiProperty({ maxItems: 100, type: [ScheduleConflict] }) conflicts: ScheduleConflict[];
}

export class ScheduleConflictsResult {
  @ApiProperty({
    maxItems: 100,
    type: [ScheduleConflict],
    description: 'Booked appointments outside the hours after the change',
  })
  conflicts: ScheduleConflict[];
}

export class ScheduleConflictList {
  @ApiProperty({
    maxItems: 100,
    type: [ScheduleConflict],
    description: `Future booked appointments outside the hours, earliest first (at most ${CONFLICTS_MAX})`,
  })
  items: ScheduleConflict[];
}

// --- open times --------------------------------------------------------------------------

export class OpenSlotsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Choose a visit type from the list.' })
  visitTypeId: string;

  @OptionalIdField('Choose a provider from the list.', 'Only this provider (any when left out)')
  providerId?: string;

  @OptionalIdField('Choose a location from the list.', 'Only this location (any when left out)')
  locationId?: string;

  @InstantField(
    'optional',
    '2026-12-01T00:00:00.000Z',
    'Enter from as a date and time, like 2026-12-01T00:00:00Z.',
    'Earliest start; now when left out',
  )
  from?: string;

  @InstantField(
    'optional',
    '2026-12-15T00:00:00.000Z',
    'Enter to as a date and time, like 2026-12-15T00:00:00Z.',
    'Starts before this; 14 days after from when left out, at most 31 days after it',
  )
  to?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: SLOT_LIMIT_MAX,
    default: SLOT_LIMIT_DEFAULT,
  })
  @IsOptional()
  @Type(() => Number)
  @Rule('isSlotLimit', (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= SLOT_LIMIT_MAX
      ? null
      : `The limit must be a whole number from 1 to ${SLOT_LIMIT_MAX}.`,
  )
  limit: number = SLOT_LIMIT_DEFAULT;
}

export class SlotProvider {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Dr. Priya Shah' }) displayName: string;
  @ApiProperty({ maxLength: 100, example: 'Family medicine' }) specialty: string;
}

export class SlotLocation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200, example: 'North Clinic' }) name: string;
  @ApiProperty({ maxLength: 64, example: 'America/Chicago' }) timeZone: string;
}

export class OpenSlot {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: SlotProvider }) provider: SlotProvider;
  @ApiProperty({ type: SlotLocation }) location: SlotLocation;
  @ApiProperty({
    format: 'date-time',
    description:
      'The start less the cancellation cutoff: a visit booked here changes online until then',
  })
  changeableUntil: string;
  @ApiProperty({
    description:
      'False when the time is inside the cancellation cutoff: bookable, but not changed or ' +
      'cancelled online afterwards',
  })
  canChangeOnline: boolean;
}

export class OpenSlotPage extends PageOf(OpenSlot, {
  description: 'Earliest first; ties by provider name',
  nextCursor: 'Always null: narrow the range instead',
}) {}
