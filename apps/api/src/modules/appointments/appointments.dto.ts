import { PageOf } from '../../common/pager.js';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  CursorField,
  PageLimit,
  Rule,
  TextBlockField,
  VersionField,
} from '../../common/field-rules.js';
import { LocationView } from '../scheduling/catalog.dto.js';
import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  type BookedBy,
} from './appointment.entity.js';

export const APPOINTMENT_LIMIT_MAX = 100;
const APPOINTMENT_LIMIT_DEFAULT = 20;
export const APPOINTMENT_WHEN = ['upcoming', 'past'] as const;
export type AppointmentWhen = (typeof APPOINTMENT_WHEN)[number];
export const STATUS_MARKS = ['arrived', 'completed', 'no-show', 'booked'] as const;
export type StatusMark = (typeof STATUS_MARKS)[number];
export const REMINDER_STATES = ['scheduled', 'sent', 'skipped', 'not-scheduled'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

const BOOKED_BY: BookedBy[] = ['patient', 'staff'];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 date and time with a zone (Z or an offset) that names a real instant. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

function InstantField(required: boolean, label: string, description: string) {
  const message = `Enter ${label} as a date and time in ISO 8601 form, like 2026-12-01T15:30:00Z.`;
  return applyDecorators(
    required
      ? ApiProperty({ type: String, format: 'date-time', description })
      : ApiPropertyOptional({ type: String, format: 'date-time', description }),
    ...(required ? [] : [IsOptional()]),
    Rule('isInstant', (value) => (isInstant(value) ? null : message)),
  );
}

function IdField(required: boolean, message: string, description?: string) {
  return applyDecorators(
    required
      ? ApiProperty({ format: 'uuid', description })
      : ApiPropertyOptional({ format: 'uuid', description }),
    ...(required ? [] : [IsOptional()]),
    IsUUID('all', { message }),
  );
}

// --- requests ----------------------------------------------------------------------------

export class ListAppointmentsQuery {
  @ApiPropertyOptional({
    enum: APPOINTMENT_WHEN,
    default: 'upcoming',
    description:
      'upcoming: booked or arrived and not yet ended, earliest first; past: the rest, latest first',
  })
  @IsOptional()
  @IsIn(APPOINTMENT_WHEN, { message: 'Choose upcoming or past.' })
  when: AppointmentWhen = 'upcoming';

  @PageLimit(APPOINTMENT_LIMIT_MAX, APPOINTMENT_LIMIT_DEFAULT)
  limit: number = APPOINTMENT_LIMIT_DEFAULT;

  @CursorField(200)
  cursor?: string;
}

export class BookAppointmentRequest {
  @IdField(true, 'Choose a kind of visit from the list.')
  visitTypeId: string;

  @IdField(true, 'Choose a provider from the list.')
  providerId: string;

  @IdField(true, 'Choose a location from the list.')
  locationId: string;

  @InstantField(
    true,
    'the start time',
    'One of the open times; the end follows from the visit type',
  )
  startsAt: string;

  @TextBlockField('nullable', 'the reason for the visit', 1000, {
    description:
      'What the visit is about, for the care team only: never in emails or calendar files',
  })
  reason?: string | null;
}

export class RescheduleAppointmentRequest {
  @VersionField('appointment', '409')
  version: number;

  @InstantField(true, 'the new start time', 'The new start; the length stays the same')
  startsAt: string;

  @IdField(false, 'Choose a provider from the list.', 'Another provider (default: the same)')
  providerId?: string;

  @IdField(false, 'Choose a location from the list.', 'Another location (default: the same)')
  locationId?: string;
}

export class CancelAppointmentRequest {
  @VersionField('appointment', '409')
  version: number;

  @TextBlockField('required', 'why the appointment is cancelled', 500, {
    description: 'Why it is cancelled',
  })
  reason: string;
}

export class SetAppointmentStatusRequest {
  @VersionField('appointment', '409')
  version: number;

  @ApiProperty({
    enum: STATUS_MARKS,
    enumName: 'AppointmentStatusMark',
    description: 'arrived, completed or no-show; booked undoes a mark',
  })
  @IsIn(STATUS_MARKS, { message: `Choose the status from: ${STATUS_MARKS.join(', ')}.` })
  status: StatusMark;
}

export class ScheduleQuery {
  @IdField(false, 'Choose a provider from the list.', 'One provider’s schedule')
  providerId?: string;

  @IdField(false, 'Choose a location from the list.', 'One location’s schedule')
  locationId?: string;

  @InstantField(true, 'the start of the range', 'Start of the range (inclusive)')
  from: string;

  @InstantField(true, 'the end of the range', 'End of the range (exclusive); at most 8 days on')
  to: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list cancelled ones' })
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsOptional()
  @Rule('isBoolean', (value) =>
    typeof value === 'boolean' ? null : 'Choose true or false for includeCancelled.',
  )
  includeCancelled?: boolean;
}

// --- responses ---------------------------------------------------------------------------

@ApiSchema({ name: 'AppointmentProvider' })
export class AppointmentProviderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Dr. Priya Shah' }) displayName: string;
  @ApiProperty({ maxLength: 100, example: 'Family medicine' }) specialty: string;
}

@ApiSchema({ name: 'AppointmentVisitType' })
export class AppointmentVisitTypeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200, example: 'Annual physical' }) name: string;
  @ApiProperty({ type: 'integer', minimum: 5, maximum: 480, example: 30 }) durationMinutes: number;
}

export class ReminderView {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 43200,
    example: 1440,
    description: 'Minutes before the start',
  })
  offsetMinutes: number;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: REMINDER_STATES, enumName: 'ReminderState' }) state: ReminderState;
  @ApiProperty({
    maxLength: 500,
    type: String,
    nullable: true,
    example: 'No email on file.',
    description: 'Why it was skipped or not scheduled',
  })
  detail: string | null;
}

export class AppointmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES, enumName: 'AppointmentStatus' })
  status: AppointmentStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: AppointmentProviderView }) provider: AppointmentProviderView;
  @ApiProperty({ type: LocationView, description: 'Times are shown in its time zone' })
  location: LocationView;
  @ApiProperty({ type: AppointmentVisitTypeView }) visitType: AppointmentVisitTypeView;
  @ApiProperty({
    maxLength: 1000,
    type: String,
    nullable: true,
    description: 'For the care team and the patient',
  })
  reason: string | null;
  @ApiProperty({ enum: BOOKED_BY, enumName: 'AppointmentBookedBy' }) bookedBy: BookedBy;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ maxLength: 1000, type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 2147483647,
    description: 'Send it back with a change',
  })
  version: number;
  @ApiProperty({
    format: 'date-time',
    description: 'The start less the cancellation cutoff: online changes end then',
  })
  changeableUntil: string;
  @ApiProperty({ description: 'Booked, and the online change cutoff has not passed' })
  canChangeOnline: boolean;
  @ApiPropertyOptional({
    maxItems: 10,
    type: [ReminderView],
    description: 'Reminder emails, one per configured offset (staff only)',
  })
  reminders?: ReminderView[];
}

export class AppointmentPage extends PageOf(AppointmentView) {}

@ApiSchema({ name: 'SchedulePatient' })
export class SchedulePatientView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    maxLength: 400,
    example: 'Alexandra (Alex) Rivera',
    description: 'Legal given name, the preferred name in brackets, family name',
  })
  displayName: string;
  @ApiProperty({ maxLength: 64, example: 'M00100001' }) mrn: string;
}

export class ScheduleAppointment extends OmitType(AppointmentView, ['reminders'] as const) {
  @ApiProperty({ type: SchedulePatientView }) patient: SchedulePatientView;
}

@ApiSchema({ name: 'ScheduleHours' })
export class ScheduleHoursView {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class ScheduleView {
  @ApiProperty({ maxItems: 500, type: [ScheduleAppointment], description: 'By start, at most 500' })
  items: ScheduleAppointment[];
  @ApiProperty({
    type: [ScheduleHoursView],
    maxItems: 1000,
    description:
      'The provider’s open hours in the range; for a location, those of every provider there',
  })
  hours: ScheduleHoursView[];
  @ApiProperty({ description: 'More than 500 appointments: choose a shorter range' })
  truncated: boolean;
}
