import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { validationProblem } from '../../common/problem.filter.js';
import { IsCalendarDate, TextRule } from '../../common/field-rules.js';
import { IDENTITY_METHODS, type IdentityMethod } from './registration.entity.js';

// Tokens and tickets are 43 characters; anything of a sane length is looked up, so a forged
// value answers 404 like an unknown one rather than hinting at the format.
function SecretField(description: string, missing: string) {
  return applyDecorators(
    ApiProperty({ description, minLength: 1, maxLength: 200 }),
    // Length also refuses anything but a string: one message whatever is wrong.
    Length(1, 200, { message: missing }),
  );
}

const LINK_INCOMPLETE =
  'The invitation link is incomplete. Open the whole link from your invitation email.';

const TokenField = () =>
  SecretField('The token from the invitation link (…/register#token=…)', LINK_INCOMPLETE);

/** Where the invitation check takes its token: a header, so it stays out of every URL. */
export const INVITATION_TOKEN_HEADER = 'X-Invitation-Token';
/** The header's token, held to the same bounds as the token fields of the bodies. */
export function invitationTokenFromHeader(value: string | string[] | undefined): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) {
    throw validationProblem([{ field: 'token', message: LINK_INCOMPLETE }]);
  }
  return value;
}

export class RegistrationInvitation {
  @ApiProperty({ enum: ['valid'] }) status: 'valid';
  @ApiProperty({ maxLength: 200, example: 'Riverside Family Clinic' }) clinicName: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ maxItems: 5, enum: IDENTITY_METHODS, enumName: 'IdentityMethod', isArray: true })
  identityMethods: IdentityMethod[];
  @ApiProperty({
    maxLength: 254,
    example: 'al***@example.com',
    description: 'Where an emailed code would go, partly hidden',
  })
  maskedEmail: string;
}

export class VerifyIdentityRequest {
  @TokenField() token: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '1968-04-12',
    description: 'Your date of birth; send this or emailCode',
  })
  @IsOptional()
  @IsCalendarDate('Enter your date of birth as YYYY-MM-DD, for example 1968-04-12.')
  dateOfBirth?: string;

  @ApiPropertyOptional({
    pattern: '^\\d{6}$',
    minLength: 6,
    maxLength: 6,
    example: '042519',
    description: 'The 6-digit code emailed to you; send this or dateOfBirth',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\s/g, '') : value,
  )
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'Enter the 6-digit code from the email.' })
  emailCode?: string;
}

export class IdentityVerified {
  @ApiProperty({
    maxLength: 200,
    description: 'Pass to completeRegistration; valid for 30 minutes, once',
  })
  ticket: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SendEmailCodeRequest {
  @TokenField() token: string;
}

export class EmailCodeSent {
  @ApiProperty({ maxLength: 254, example: 'al***@example.com' }) sentTo: string;
  @ApiProperty({ format: 'date-time', description: 'The code works until then (10 minutes)' })
  expiresAt: string;
}

export class CompleteRegistrationRequest {
  @SecretField(
    'The ticket from verifyRegistrationIdentity',
    'Your identity check is missing. Confirm your identity again.',
  )
  ticket: string;

  @ApiProperty({
    minLength: 3,
    maxLength: 64,
    pattern: '^[A-Za-z0-9._-]+$',
    example: 'alex.rivera',
    description: 'Letters, digits, dots, underscores and dashes; unique whatever the case',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @TextRule({
    missing: 'Choose a username.',
    min: 3,
    tooShort: 'Use at least 3 characters for the username.',
    max: 64,
    pattern: /^[A-Za-z0-9._-]+$/,
    badPattern:
      'Use only letters, digits, dots (.), underscores (_) and dashes (-) in the username.',
  })
  username: string;

  @ApiProperty({
    format: 'password',
    minLength: 12,
    maxLength: 128,
    description: '12 to 128 characters, not a common password, not containing the username',
  })
  @IsString({ message: 'Choose a password.' })
  password: string;
}

export class RegistrationCompleted {
  @ApiProperty({ maxLength: 64, example: 'alex.rivera' }) username: string;
}
