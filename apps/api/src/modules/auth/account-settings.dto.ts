import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SecuritySettings {
  @ApiProperty({ enum: ['none', 'email', 'totp'] }) secondFactor: 'none' | 'email' | 'totp';
  @ApiProperty({ description: 'True when the clinic requires a second factor for this account' })
  secondFactorRequired: boolean;
  @ApiProperty() recoveryCodesRemaining: number;
  @ApiProperty({ format: 'date-time' }) passwordChangedAt: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password', minLength: 1, maxLength: 128 })
  @IsString({ message: 'Enter your current password.' })
  @MinLength(1, { message: 'Enter your current password.' })
  @MaxLength(128, { message: 'That password is too long.' })
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 128 })
  @IsString({ message: 'Enter a new password.' })
  @MaxLength(128, { message: 'Use at most 128 characters.' })
  newPassword: string;
}

export class PasswordConfirmation {
  @ApiProperty({
    format: 'password',
    minLength: 1,
    maxLength: 128,
    description: 'Your current password, to confirm it is you',
  })
  @IsString({ message: 'Enter your password.' })
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(128, { message: 'That password is too long.' })
  password: string;
}

export class SetSecondFactorRequest extends PasswordConfirmation {
  @ApiProperty({
    enum: ['none', 'email'],
    description: 'Authenticator apps are set up with the totp routes',
  })
  @IsIn(['none', 'email'], { message: 'Choose emailed codes or no second step.' })
  method: 'none' | 'email';
}

export class TotpSetup {
  @ApiProperty({ maxLength: 64, description: 'Base32 secret, for typing into the app by hand' })
  secret: string;
  @ApiProperty({ maxLength: 500, description: 'otpauth:// URI, for a QR code' }) otpauthUri: string;
}

export class TotpConfirmRequest {
  @ApiProperty({ example: '123456', pattern: '^\\d{6}$', minLength: 6, maxLength: 6 })
  @IsString({ message: 'Enter the 6-digit code from your app.' })
  @Matches(/^\d{6}$/, { message: 'Enter the 6-digit code from your app.' })
  code: string;
}

export class RecoveryCodes {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 32 },
    maxItems: 20,
    description: 'Shown once. Each works one time.',
  })
  recoveryCodes: string[];
}

export class ActiveSession {
  @ApiProperty({ maxLength: 64, description: 'Opaque id, for ending this session' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ maxLength: 45, type: String, nullable: true }) ip: string | null;
  @ApiProperty({ maxLength: 300, type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ description: 'The session making this request' }) current: boolean;
}

export class ActiveSessionList {
  @ApiProperty({ maxItems: 1000, type: [ActiveSession] }) items: ActiveSession[];
}
