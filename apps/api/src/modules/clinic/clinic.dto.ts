import { ApiProperty } from '@nestjs/swagger';

export class ClinicIdentity {
  @ApiProperty({ maxLength: 200, example: 'Riverside Family Clinic' }) name: string;
  @ApiProperty({
    pattern: '^#[0-9a-f]{6}$',
    maxLength: 7,
    example: '#1f6f5c',
    description: 'The clinic’s colour; white text on it reaches at least 4.5:1 contrast',
  })
  brandColor: string;
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 200,
    example: '/api/v1/clinic/logo?v=3f2a9c0d1e4b5a67',
    description: 'Where the logo is served (its URL changes with the image), or null for none',
  })
  logoUrl: string | null;
  @ApiProperty({
    maxLength: 40,
    example: '+1 555 010 0100',
    description: 'The clinic’s phone, where the portal asks patients to call (CLINIC_PHONE)',
  })
  phone: string;
}
