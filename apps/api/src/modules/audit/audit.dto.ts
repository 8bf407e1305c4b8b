import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  isISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../accounts/account.entity.js';
import { IsPageCursor, PageOf } from '../../common/pager.js';
import type { AuditOutcome } from './audit-event.entity.js';

const ROLES = [...STAFF_ROLES];
const OUTCOMES: AuditOutcome[] = ['success', 'failure', 'denied'];
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 100;

// Query parameters may be left out; an empty value (?from=) counts as given, and invalid.
const present = (_object: object, value: unknown) => value !== undefined;

/** A time JavaScript can read (ISO 8601 week and ordinal dates it cannot) in PostgreSQL's range. */
export function toTime(value: string): Date | null {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return null;
  const year = time.getUTCFullYear();
  return year >= 1970 && year <= 9999 ? time : null;
}

function IsAuditTime(options: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isAuditTime',
      validator: {
        validate: (value) =>
          typeof value === 'string' && isISO8601(value, { strict: true }) && toTime(value) !== null,
      },
    },
    options,
  );
}

/** ?limit=&cursor=, shared by both audit lists. */
export class AuditPageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
  })
  @ValidateIf(present)
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number.' })
  @Min(1, { message: 'limit must be at least 1.' })
  @Max(PAGE_LIMIT_MAX, { message: `limit must be at most ${PAGE_LIMIT_MAX}.` })
  limit?: number;

  @ApiPropertyOptional({ maxLength: 200, description: 'nextCursor of the previous page' })
  @ValidateIf(present)
  @IsPageCursor('instant', { message: 'cursor must be the nextCursor of a previous page.' })
  cursor?: string;
}

export class AuditEventQuery extends AuditPageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events about this patient' })
  @ValidateIf(present)
  @IsUUID('all', { message: 'patientId must be a UUID.' })
  patientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events by this account' })
  @ValidateIf(present)
  @IsUUID('all', { message: 'actorAccountId must be a UUID.' })
  actorAccountId?: string;

  @ApiPropertyOptional({
    description: 'An action name (auth.login), or a prefix ending in a dot (auth.) for a family',
    example: 'auth.',
    maxLength: 100,
  })
  @ValidateIf(present)
  @IsString({
    message: 'action must be an action name such as auth.login, or a prefix such as auth.',
  })
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/i, {
    message: 'action must be an action name such as auth.login, or a prefix such as auth.',
  })
  action?: string;

  @ApiPropertyOptional({
    enum: OUTCOMES,
    description: 'Only successful, denied or failed events',
  })
  @ValidateIf(present)
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}.` })
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time' })
  @ValidateIf(present)
  @IsAuditTime({
    message: 'from must be an ISO 8601 date-time from 1970 to 9999, e.g. 2026-03-01T00:00:00Z.',
  })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time' })
  @ValidateIf(present)
  @IsAuditTime({
    message: 'to must be an ISO 8601 date-time from 1970 to 9999, e.g. 2026-03-02T00:00:00Z.',
  })
  to?: string;
}

export class AuditActor {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({
    maxLength: 400,
    type: String,
    nullable: true,
    description: 'Current name of the account',
  })
  displayName: string | null;
  @ApiProperty({ enum: ['patient', 'staff'] }) kind: 'patient' | 'staff';
  @ApiProperty({
    maxItems: 10,
    enum: ROLES,
    isArray: true,
    description: 'Staff roles at the time of the event',
  })
  roles: StaffRole[];
}

export class AuditEventItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({
    type: AuditActor,
    nullable: true,
    description:
      'Who acted; null when nobody was signed in (e.g. a sign-in with an unknown username)',
  })
  actor: AuditActor | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) patientId: string | null;
  @ApiProperty({ maxLength: 100, example: 'auth.login' }) action: string;
  @ApiProperty({ maxLength: 64, type: String, nullable: true, example: 'account' }) resourceType:
    string | null;
  @ApiProperty({ maxLength: 100, type: String, nullable: true }) resourceId: string | null;
  @ApiProperty({
    enum: OUTCOMES,
    description:
      'success; denied (refused by the access rules); failure (not found, or refused by the module)',
  })
  outcome: AuditOutcome;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 100,
    example: 'not_own_patient',
    description:
      'Why a denied or failed event happened: not_own_patient, role, not_found, forbidden, or the error code a module refused with',
  })
  reason: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 300,
    example: 'GET /api/v1/patients/:patientId',
    description: 'The route pattern asked, for requests refused by the access rules',
  })
  route: string | null;
  @ApiProperty({ maxLength: 45, type: String, nullable: true }) ip: string | null;
  @ApiProperty({ maxLength: 300, type: String, nullable: true }) userAgent: string | null;
}

export class AuditEventPage extends PageOf(AuditEventItem, { description: 'Newest first' }) {}

export class AccessLogEntry {
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ maxLength: 400, example: 'Nico Navarro, RN' }) staffName: string;
  @ApiProperty({ maxItems: 10, enum: ROLES, isArray: true, example: ['nurse'] })
  staffRoles: StaffRole[];
  @ApiProperty({ maxLength: 100, example: 'patient.read' }) action: string;
  @ApiProperty({ maxLength: 4000, example: 'Viewed your demographics' }) description: string;
}

export class AccessLogPage extends PageOf(AccessLogEntry, { description: 'Newest first' }) {}
