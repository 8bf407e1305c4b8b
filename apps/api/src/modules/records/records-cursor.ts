import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { isCalendarDate } from '../../common/field-rules.js';

/** What a list is sorted by (newest first), then id. */
export type SortType = 'date' | 'timestamptz';

/** A position in a list: the sort value (null for rows without one) and id of the last row. */
export type RecordKey = [sortKey: string | null, id: string];

const MICROSECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeRecordCursor(key: RecordKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function validKey(sortKey: unknown, type: SortType, nullable: boolean): boolean {
  if (sortKey === null) return nullable;
  if (typeof sortKey !== 'string') return false;
  if (type === 'date') return isCalendarDate(sortKey);
  const time = new Date(sortKey);
  return (
    MICROSECONDS.test(sortKey) &&
    !Number.isNaN(time.getTime()) &&
    time.toISOString().slice(0, 23) === sortKey.slice(0, 23)
  );
}

/** The position a nextCursor stands for; a 400 naming `cursor` when it is not one. */
export function decodeRecordCursor(text: string, type: SortType, nullable: boolean): RecordKey {
  try {
    if (/^[A-Za-z0-9_-]{1,300}$/.test(text)) {
      const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      if (
        Array.isArray(key) &&
        key.length === 2 &&
        validKey(key[0], type, nullable) &&
        typeof key[1] === 'string' &&
        UUID_PATTERN.test(key[1])
      ) {
        return key as RecordKey;
      }
    }
  } catch {
    // Falls through to the validation problem below.
  }
  throw validationProblem([
    { field: 'cursor', message: 'This page link is not valid. Load the list again.' },
  ]);
}
