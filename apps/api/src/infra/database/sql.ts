import { QueryFailedError } from 'typeorm';

/**
 * TypeORM's query() answers UPDATE/DELETE ... RETURNING on PostgreSQL with
 * [rows, affectedCount] but SELECT and INSERT with rows; this gives rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** True when a query failed on a unique constraint (the named one, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string; constraint?: string })
      : null;
  return (
    !!cause &&
    cause.code === '23505' &&
    (constraint === undefined || cause.constraint === constraint)
  );
}

/** True when a query failed on an exclusion constraint (the named one, when given). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const cause =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string; constraint?: string })
      : null;
  return (
    !!cause &&
    cause.code === '23P01' &&
    (constraint === undefined || cause.constraint === constraint)
  );
}

/**
 * True when PostgreSQL broke a deadlock by failing this statement. Two transactions inserting
 * overlapping rows under an exclusion constraint at the same instant can each wait for the
 * other; PostgreSQL then fails one of them, and the other keeps the row.
 */
export function isDeadlock(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '40P01'
  );
}
