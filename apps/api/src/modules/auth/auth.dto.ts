import { PERMISSION_NAMES, type Permission } from '../../common/permissions.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const SECOND_FACTOR_METHODS = ['email', 'totp', 'recovery-code'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

export class LoginRequest {
  @ApiProperty({ example: 'alex.demo', minLength: 1, maxLength: 254 })
  @IsString({ message: 'Enter your username.' })
  @MinLength(1, { message: 'Enter your username.' })
  @MaxLength(254, { message: 'The username is too long.' })
  username: string;

  @ApiProperty({ minLength: 1, maxLength: 128, format: 'password' })
  @IsString({ message: 'Enter your password.' })
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(128, { message: 'The password is too long.' })
  password: string;
}

export class VerifySecondFactorRequest {
  @ApiProperty({
    minLength: 6,
    maxLength: 20,
    description: '6-digit code, or a recovery code like "k7dq2-m9x4p"',
    example: '123456',
  })
  @IsString({ message: 'Enter the code.' })
  @MinLength(6, { message: 'Enter the whole code.' })
  @MaxLength(20, { message: 'That code is too long.' })
  code: string;

  @ApiProperty({ enum: SECOND_FACTOR_METHODS })
  @IsIn(SECOND_FACTOR_METHODS, { message: 'Choose how you are verifying.' })
  method: SecondFactorMethod;
}

export class PasswordResetRequest {
  @ApiProperty({ description: 'Username or email address', maxLength: 254 })
  @IsString({ message: 'Enter your username or email address.' })
  @MinLength(1, { message: 'Enter your username or email address.' })
  @MaxLength(254, { message: 'That is too long.' })
  identifier: string;
}

export class TokenRequest {
  @ApiProperty({
    minLength: 20,
    maxLength: 100,
    pattern: '^[A-Za-z0-9_-]{20,100}$',
    description: 'The token from the emailed link',
  })
  @IsString({ message: 'The link is not complete.' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, {
    message: 'The link is not complete. Copy the whole link from the email.',
  })
  token: string;
}

export class PasswordResetComplete extends TokenRequest {
  @ApiProperty({ minLength: 12, maxLength: 128, format: 'password' })
  @IsString({ message: 'Enter a new password.' })
  @MaxLength(128, { message: 'Use at most 128 characters.' })
  password: string;
}

export class UsernameReminderRequest {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'Enter an email address like name@example.com.' })
  @MaxLength(254, { message: 'That email address is too long.' })
  email: string;
}

export class SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 64 }) username: string;
  @ApiProperty({ enum: ['patient', 'staff'] }) kind: 'patient' | 'staff';
  @ApiProperty({ maxLength: 400, description: 'The name to greet the person by' })
  displayName: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 32 },
    maxItems: 10,
    description: 'Staff roles; empty for patients',
    example: ['front-desk'],
  })
  roles: string[];
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "A patient's own patient id",
  })
  patientId: string | null;
  @ApiProperty({
    enum: PERMISSION_NAMES,
    enumName: 'Permission',
    isArray: true,
    maxItems: PERMISSION_NAMES.length,
    description:
      'What this account may do (the x-portal-permissions table): a patient holds theirs over their own record only',
  })
  permissions: Permission[];
}

export class Session {
  @ApiProperty({ type: SessionUser }) user: SessionUser;
  @ApiProperty({ format: 'date-time', description: 'When the session ends without activity' })
  idleExpiresAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the session ends in any case' })
  absoluteExpiresAt: string;
}

export class LoginSignedIn {
  @ApiProperty({ enum: ['signed-in'] }) status: 'signed-in';
  @ApiProperty({ type: Session }) session: Session;
}

export class LoginSecondFactorRequired {
  @ApiProperty({ enum: ['second-factor-required'] }) status: 'second-factor-required';
  @ApiProperty({
    maxItems: 5,
    enum: SECOND_FACTOR_METHODS,
    isArray: true,
    description: 'The first is the usual one',
  })
  methods: SecondFactorMethod[];
  @ApiPropertyOptional({
    maxLength: 254,
    description: 'Where an emailed code went, partly hidden',
    example: 'a***@example.com',
  })
  maskedEmail?: string;
}

export type LoginResult = LoginSignedIn | LoginSecondFactorRequired;
