import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { validationProblem } from './problem.filter.js';
import { UUID_PATTERN } from './validation.js';

/**
 * The one pager of the API: every list is keyset-paged, newest or alphabetical first, by a
 * sort value and then the row id, and its nextCursor is that pair in base64url JSON. A
 * cursor that this API could not have handed out is a 400 naming `cursor`.
 */

/** How the sort value of a list is written in its cursor. */
export type SortValue =
  /** A calendar date, YYYY-MM-DD. */
  | 'date'
  /** An instant to the microsecond as PostgreSQL writes it (2026-03-01T09:00:00.123456Z). */
  | 'instant'
  /** Any text (a lower-cased name, an MRN). */
  | 'text'
  /** No sort value: the list is in id order alone (ids are UUID v7, so by creation). */
  | 'none';

/** A position in a list: the sort value of the last row seen (null where rows have none) and its id. */
export type PageKey = [sortValue: string | null, id: string];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,1200}$/;

function isSortValue(value: unknown, type: SortValue, nullable: boolean): boolean {
  if (value === null) return nullable || type === 'none';
  if (type === 'none') return false;
  if (typeof value !== 'string' || value.length > 200) return false;
  if (type === 'text') return true;
  if (type === 'date') {
    if (!DATE.test(value)) return false;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }
  // Round-trips only for a real instant (no 30 February) in a range PostgreSQL accepts.
  const time = new Date(value);
  return (
    INSTANT.test(value) &&
    !Number.isNaN(time.getTime()) &&
    time.getUTCFullYear() >= 1970 &&
    time.toISOString().slice(0, 23) === value.slice(0, 23)
  );
}

/** The nextCursor of a position: its sort values, then the row id. */
export function encodeCursor(key: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort values and id a cursor stands for, checked against the list's sort (one type per
 * sort value), or null when this API could not have handed it out.
 */
export function readCursor(
  text: unknown,
  types: readonly SortValue[],
  nullable = false,
): (string | null)[] | null {
  if (typeof text !== 'string' || !CURSOR_TEXT.test(text)) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === types.length + 1 &&
      types.every((type, index) => isSortValue(key[index], type, nullable)) &&
      typeof key[types.length] === 'string' &&
      UUID_PATTERN.test(key[types.length] as string)
    ) {
      return key as (string | null)[];
    }
  } catch {
    // Not JSON: not a cursor.
  }
  return null;
}

function invalidCursor() {
  return validationProblem([
    { field: 'cursor', message: 'This page link is not valid. Load the list again.' },
  ]);
}

/** The position a nextCursor stands for; a 400 naming `cursor` when it is not one. */
export function decodeCursor(text: string, type: SortValue, nullable = false): PageKey {
  const key = readCursor(text, [type], nullable);
  if (!key) throw invalidCursor();
  return key as PageKey;
}

/**
 * The position of a list sorted by several values (patients by family name, given name),
 * `[...values, id]`; a 400 naming `cursor` when it is not one.
 */
export function decodeCursorOf(text: string, types: readonly SortValue[]): string[] {
  const key = readCursor(text, types);
  if (!key) throw invalidCursor();
  return key as string[];
}

/**
 * A query DTO's `cursor`: one this API handed out for a list sorted by `types`. Checked
 * with the other parameters, so one 400 names every bad one.
 */
export function IsPageCursor(
  types: SortValue | readonly SortValue[],
  options: ValidationOptions = {},
) {
  const sort = typeof types === 'string' ? [types] : types;
  return ValidateBy(
    {
      name: 'isPageCursor',
      validator: { validate: (value) => readCursor(value, sort) !== null },
    },
    { message: 'This page link is not valid. Load the list again.', ...options },
  );
}

/**
 * One page of rows fetched with `limit + 1`, and the cursor after it (null on the last page).
 * `keyOf` gives a row's position: its sort value and id.
 */
export function pageOf<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | null)[],
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** The most items any list returns in one page. */
export const MAX_PAGE_SIZE = 100;

type Constructor<T> = abstract new (...args: never[]) => T;

/**
 * The response class of a list: `export class ConditionPage extends PageOf(ConditionView) {}`
 * gives `{ items: ConditionView[]; nextCursor: string | null }` under the subclass's name in
 * the OpenAPI document.
 */
export function PageOf<View>(
  view: Constructor<View>,
  options: { description?: string; nextCursor?: string } = {},
) {
  abstract class Page {
    @ApiProperty({
      type: view,
      isArray: true,
      maxItems: MAX_PAGE_SIZE,
      description: options.description,
    })
    items: View[];

    @ApiProperty({
      type: String,
      nullable: true,
      maxLength: 1200,
      description:
        options.nextCursor ?? 'Pass as `cursor` for the next page; null on the last page',
    })
    nextCursor: string | null;
  }
  return Page;
}
