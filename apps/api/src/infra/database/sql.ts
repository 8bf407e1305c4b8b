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
  return isViolation(error, '23505', constraint);
}

/** True when a query failed on an exclusion constraint (the named one, when given). */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  return isViolation(error, '23P01', constraint);
}

/** True when a query failed with this SQLSTATE, on the named constraint when given. */
function isViolation(error: unknown, code: string, constraint?: string): boolean {
  const cause =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string; constraint?: string })
      : null;
  return (
    !!cause && cause.code === code && (constraint === undefined || cause.constraint === constraint)
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

/**
 * Several bounded SELECTs (all taking the same parameters) in one statement and one round
 * trip: each comes back as a JSON array of its rows, in its own ORDER BY (PostgreSQL
 * aggregates a sorted subquery's rows in that order). Rows keep the shapes pg gives them,
 * except that JSON brings numerics as numbers: instants (columns named *_at) are turned back
 * into Dates, and dates and text stay strings.
 */
export async function selectTogether<Parts extends Record<string, string>>(
  db: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  parts: Parts,
  parameters: unknown[],
): Promise<{ [Name in keyof Parts]: unknown[] }> {
  const names = Object.keys(parts);
  const columns = names.map(
    (name, index) =>
      `(SELECT coalesce(json_agg(part), '[]'::json) FROM (${parts[name]}) part) AS part_${index}`,
  );
  const [row] = (await db.query(`SELECT ${columns.join(',\n')}`, parameters)) as Record<
    string,
    Record<string, unknown>[]
  >[];
  const result: Record<string, unknown[]> = {};
  names.forEach((name, index) => {
    result[name] = row![`part_${index}`]!.map(reviveInstants);
  });
  return result as { [Name in keyof Parts]: unknown[] };
}

function reviveInstants(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'string' && key.endsWith('_at')) row[key] = new Date(value);
  }
  return row;
}
