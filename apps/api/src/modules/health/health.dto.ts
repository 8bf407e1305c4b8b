import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class CheckDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiPropertyOptional({ maxLength: 500, description: 'Why the check failed' }) error?: string;
}

export class QueueCheckDto extends CheckDto {
  @ApiProperty({ enum: ['redis', 'postgres'] }) backend: 'redis' | 'postgres';
  @ApiPropertyOptional({
    description: 'Jobs per state, per queue',
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: {
        type: 'integer',
        format: 'int64',
        minimum: 0,
        maximum: 9007199254740991,
      },
    },
  })
  queues?: Record<string, Record<string, number>>;
}

export class MailCheckDto extends CheckDto {
  @ApiProperty({ enum: ['smtp', 'outbox'] }) transport: 'smtp' | 'outbox';
  @ApiProperty({ description: 'Emails not yet sent' }) queued: number;
  @ApiProperty({ description: 'Emails that failed every retry' }) failed: number;
}

export class ReadinessChecksDto {
  @ApiProperty({ type: CheckDto }) database: CheckDto;
  @ApiProperty({ type: QueueCheckDto }) queue: QueueCheckDto;
  @ApiPropertyOptional({ type: MailCheckDto }) mail?: MailCheckDto;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: ReadinessChecksDto }) checks: ReadinessChecksDto;
}
