import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../accounts/account.entity.js';

const ROLES = [...STAFF_ROLES];
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
// No control characters: names end up in emails and on screens.
const PRINTABLE = /^[^\p{Cc}]*$/u;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// PATCH fields may be left out, but null is not a value for any of them.
const present = (_object: object, value: unknown) => value !== undefined;

export class StaffMember {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 64, example: 'nico.navarro' }) username: string;
  @ApiProperty({ maxLength: 400, example: 'Nico Navarro, RN' }) displayName: string;
  @ApiProperty({ maxLength: 254, format: 'email', example: 'nico.navarro@clinic.example' })
  email: string;
  @ApiProperty({ maxItems: 10, enum: ROLES, isArray: true, example: ['nurse'] }) roles: StaffRole[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status: 'active' | 'disabled';
  @ApiProperty({
    enum: ['none', 'email', 'totp'],
    description:
      'The second factor the person enrolled ("none" may still mean emailed codes by policy)',
  })
  secondFactor: 'none' | 'email' | 'totp';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class StaffList {
  @ApiProperty({
    maxItems: 10000,
    type: [StaffMember],
    description: 'Every staff account, by username',
  })
  items: StaffMember[];
}

export class CreateStaffRequest {
  @ApiProperty({
    minLength: 3,
    maxLength: 64,
    pattern: '^[A-Za-z0-9._-]{3,64}$',
    example: 'nico.navarro',
  })
  @Transform(trim)
  @IsString({ message: 'Enter a username.' })
  @Matches(USERNAME, {
    message: 'Use 3 to 64 letters, digits, dots, underscores or hyphens for the username.',
  })
  username: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Nico Navarro, RN' })
  @Transform(trim)
  @IsString({ message: 'Enter the name to show for this person.' })
  @Length(1, 100, { message: 'Use 1 to 100 characters for the name.' })
  @Matches(PRINTABLE, { message: 'The name must not contain control characters.' })
  displayName: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'nico.navarro@clinic.example' })
  @Transform(trim)
  @IsString({ message: 'Enter an email address.' })
  @MaxLength(254, { message: 'The email address is too long.' })
  @IsEmail({}, { message: 'Enter a valid email address, like name@clinic.example.' })
  email: string;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1, maxItems: ROLES.length })
  @IsArray({ message: 'Choose at least one role.' })
  @ArrayNotEmpty({ message: 'Choose at least one role.' })
  @ArrayMaxSize(ROLES.length, { message: 'Choose each role at most once.' })
  @ArrayUnique({ message: 'Choose each role at most once.' })
  @IsIn(ROLES, { each: true, message: `Roles must be among: ${ROLES.join(', ')}.` })
  roles: StaffRole[];
}

export class UpdateStaffRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf(present)
  @Transform(trim)
  @IsString({ message: 'Enter the name to show for this person.' })
  @Length(1, 100, { message: 'Use 1 to 100 characters for the name.' })
  @Matches(PRINTABLE, { message: 'The name must not contain control characters.' })
  displayName?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @ValidateIf(present)
  @Transform(trim)
  @IsString({ message: 'Enter an email address.' })
  @MaxLength(254, { message: 'The email address is too long.' })
  @IsEmail({}, { message: 'Enter a valid email address, like name@clinic.example.' })
  email?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, minItems: 1, maxItems: ROLES.length })
  @ValidateIf(present)
  @IsArray({ message: 'Choose at least one role.' })
  @ArrayNotEmpty({ message: 'Choose at least one role.' })
  @ArrayMaxSize(ROLES.length, { message: 'Choose each role at most once.' })
  @ArrayUnique({ message: 'Choose each role at most once.' })
  @IsIn(ROLES, { each: true, message: `Roles must be among: ${ROLES.join(', ')}.` })
  roles?: StaffRole[];
}
