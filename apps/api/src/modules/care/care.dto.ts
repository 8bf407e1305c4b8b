import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  isISO8601,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { CursorField, OptionalIdField, PageLimit, TextRule } from '../../common/field-rules.js';
import { PageOf } from '../../common/pager.js';

export const REASON_MIN = 10;
export const REASON_MAX = 500;
export const GRANT_LIMIT_DEFAULT = 50;
export const GRANT_LIMIT_MAX = 100;
export const STAFF_LOCATIONS_MAX = 100;

export class EmergencyAccessRequest {
  @ApiProperty({
    minLength: REASON_MIN,
    maxLength: REASON_MAX,
    example: 'Patient arrived unconscious at the walk-in clinic; checking allergies.',
    description:
      'Why the record is needed now. Kept with the grant for review, never in the audit trail.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @TextRule({
    missing: 'Say why you need this patient’s record.',
    min: REASON_MIN,
    tooShort: `Give a reason of at least ${REASON_MIN} characters.`,
    max: REASON_MAX,
    tooLong: `Keep the reason to ${REASON_MAX} characters or fewer.`,
  })
  reason: string;
}

export class EmergencyAccessGrant {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ maxLength: REASON_MAX }) reason: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
  @ApiProperty({ format: 'date-time', description: 'The access ends at this time' })
  expiresAt: string;
}

export class EmergencyAccessStaff {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ maxLength: 400 }) displayName: string;
  @ApiProperty({ maxLength: 64 }) username: string;
}

export class EmergencyAccessPatient {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Rivera, Ana' }) name: string;
  @ApiProperty({ maxLength: 20, example: '100042' }) mrn: string;
}

export class EmergencyAccessReview {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ maxLength: 400, type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

export class EmergencyAccessItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: EmergencyAccessStaff, description: 'Who used the emergency access' })
  staff: EmergencyAccessStaff;
  @ApiProperty({ type: EmergencyAccessPatient }) patient: EmergencyAccessPatient;
  @ApiProperty({ maxLength: REASON_MAX }) reason: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The access is still open' }) active: boolean;
  @ApiProperty({
    type: EmergencyAccessReview,
    nullable: true,
    description: 'Who marked it reviewed, and when; null while it waits for review',
  })
  review: EmergencyAccessReview | null;
}

export class EmergencyAccessPage extends PageOf(EmergencyAccessItem, {
  description: 'Newest first',
}) {}

// Query parameters may be left out; an empty value (?from=) counts as given, and invalid.
function IsInstant(options: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) =>
          typeof value === 'string' &&
          isISO8601(value, { strict: true }) &&
          !Number.isNaN(new Date(value).getTime()) &&
          new Date(value).getUTCFullYear() >= 1970 &&
          new Date(value).getUTCFullYear() <= 9999,
      },
    },
    options,
  );
}

export class EmergencyAccessQuery {
  @OptionalIdField('staffAccountId must be a UUID.', 'Grants used by this staff account')
  staffAccountId?: string;

  @OptionalIdField('patientId must be a UUID.', 'Grants to this patient’s record')
  patientId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Granted at or after this time' })
  @IsOptional()
  @IsInstant({ message: 'from must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00Z.' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Granted before this time' })
  @IsOptional()
  @IsInstant({ message: 'to must be an ISO 8601 date-time, e.g. 2026-03-02T00:00:00Z.' })
  to?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only reviewed (true) or waiting (false) grants',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'reviewed must be true or false.' })
  reviewed?: 'true' | 'false';

  @PageLimit(GRANT_LIMIT_MAX, GRANT_LIMIT_DEFAULT)
  limit: number = GRANT_LIMIT_DEFAULT;

  @CursorField(1200)
  cursor?: string;
}

export class StaffLocationRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) name: string;
}

export class StaffLocations {
  @ApiProperty({
    type: [StaffLocationRef],
    maxItems: STAFF_LOCATIONS_MAX,
    description: 'Locations an administrator assigned to this staff member, by name',
  })
  assigned: StaffLocationRef[];
  @ApiProperty({
    type: [StaffLocationRef],
    maxItems: 1000,
    description:
      'Further locations where this person’s provider profile has weekly hours (read-only: ' +
      'change the provider’s hours to change them)',
  })
  practice: StaffLocationRef[];
}

export class StaffLocationsRequest {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: STAFF_LOCATIONS_MAX,
    description: 'Every location the staff member works at; an empty list removes them all',
  })
  @IsArray({ message: 'Choose the locations as a list.' })
  @ArrayMaxSize(STAFF_LOCATIONS_MAX, {
    message: `Choose at most ${STAFF_LOCATIONS_MAX} locations.`,
  })
  @ArrayUnique({ message: 'Choose each location once.' })
  @IsUUID('all', { each: true, message: 'Each location must be a location id.' })
  locationIds: string[];
}
