import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'username' }) field: string;
  @ApiProperty({ example: 'username must be shorter than or equal to 64 characters' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class Problem {
  @ApiProperty({ example: 'https://portal.localhost/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Some fields are not valid' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'username must be a string' }) detail: string;
  @ApiProperty({ example: 'validation_failed', description: 'Stable, machine-readable error code' })
  code: string;
  @ApiPropertyOptional({ type: [FieldError] }) errors?: FieldError[];
  @ApiPropertyOptional({ description: 'Request id, also sent in the X-Request-Id header' })
  requestId?: string;
}

/**
 * A domain error with a stable code. Modules throw these (or subclasses);
 * the problem filter maps them to application/problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string = title,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://portal.localhost/problems/${code.replace(/_/g, '-')}`;
}
