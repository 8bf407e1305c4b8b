import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';

/** A position in a list sorted by (lower(name), id): the key of the last row seen. */
export type NameKey = [name: string, id: string];

export function encodeNameCursor(key: NameKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The position a nextCursor stands for; a 400 naming `cursor` when it is not one. */
export function decodeNameCursor(cursor: string): NameKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      typeof key[0] === 'string' &&
      typeof key[1] === 'string' &&
      UUID_PATTERN.test(key[1])
    ) {
      return key as NameKey;
    }
  } catch {
    // Falls through to the validation problem below.
  }
  throw validationProblem([
    { field: 'cursor', message: 'This page link is not valid. Load the list again.' },
  ]);
}

/** One page of rows fetched with limit + 1, and the cursor after it (null on the last page). */
export function pageOf<T extends { name_key: string; id: string }>(
  rows: T[],
  limit: number,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeNameCursor([last.name_key, last.id]) : null,
  };
}
