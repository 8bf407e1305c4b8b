import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'username', maxLength: 200, description: 'Dotted path of the field' })
  field: string;
  @ApiProperty({
    example: 'username must be shorter than or equal to 64 characters',
    maxLength: 1000,
  })
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class Problem {
  @ApiProperty({
    example: 'https://portal.localhost/problems/validation-failed',
    format: 'uri',
    maxLength: 200,
    description: 'A URI naming the kind of problem; it follows from `code`',
  })
  type: string;
  @ApiProperty({ example: 'Some fields are not valid', maxLength: 200 }) title: string;
  @ApiProperty({ example: 400, type: 'integer', format: 'int32', minimum: 400, maximum: 599 })
  status: number;
  @ApiProperty({ example: 'username must be a string', maxLength: 4000 }) detail: string;
  @ApiProperty({
    example: 'validation_failed',
    maxLength: 100,
    description: 'Stable, machine-readable error code',
  })
  code: string;
  @ApiPropertyOptional({
    type: [FieldError],
    maxItems: 100,
    description: 'One entry per failing field (validation_failed)',
  })
  errors?: FieldError[];
  @ApiPropertyOptional({
    maxLength: 64,
    description: 'Request id, also sent in the X-Request-Id header',
  })
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

/**
 * The class of a 404 for one kind of thing, so each kind says only its code and sentence:
 * `export class StaffNotFoundError extends notFoundError('staff_not_found', 'No staff …') {}`.
 */
export function notFoundError(code: string, detail: string) {
  return class extends DomainError {
    constructor() {
      super(404, code, 'Not found', detail);
    }
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `https://portal.localhost/problems/${code.replace(/_/g, '-')}`;
}
