import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

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

export class SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['patient', 'staff'] }) kind: 'patient' | 'staff';
  @ApiProperty({ description: 'The name to greet the person by' }) displayName: string;
  @ApiProperty({
    type: [String],
    description: 'Staff roles; empty for patients',
    example: ['front-desk'],
  })
  roles: string[];
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
  @ApiProperty({ enum: ['email', 'totp'], isArray: true }) methods: ('email' | 'totp')[];
}

export type LoginResult = LoginSignedIn | LoginSecondFactorRequired;
