import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional, IsUUID, registerDecorator, ValidateIf } from 'class-validator';

/**
 * The validation decorators every request DTO builds on: one message per field for whatever
 * is wrong with it, text counted in characters, calendar dates that exist, page limits.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Names and addresses are single-line text: no control characters or line separators.
export const SINGLE_LINE = /^[^\p{Cc}\u2028\u2029]*$/u;

/** True for a real calendar date written YYYY-MM-DD (so 2023-02-30 is refused). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * One validation rule whose check returns what is wrong (or null). A field gets one clear
 * message for whatever is wrong with it, instead of one per failed constraint.
 */
export function Rule(name: string, problem: (value: unknown) => string | null) {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? '',
      },
    });
}

export interface TextRules {
  /** Said when the value is missing, empty or not text. */
  missing: string;
  max: number;
  tooLong?: string;
  min?: number;
  tooShort?: string;
  pattern?: RegExp;
  /** Said when the pattern does not match. */
  badPattern?: string;
}

/** Text within a length (counted in characters, not bytes) and, optionally, a pattern. */
export function TextRule(rules: TextRules) {
  return Rule('text', (value) => {
    if (typeof value !== 'string' || value.length === 0) return rules.missing;
    const length = [...value].length;
    if (length < (rules.min ?? 1)) return rules.tooShort ?? rules.missing;
    if (length > rules.max) return rules.tooLong ?? `Use at most ${rules.max} characters.`;
    if (rules.pattern && !rules.pattern.test(value)) return rules.badPattern ?? rules.missing;
    return null;
  });
}

/** A date written YYYY-MM-DD that exists in the calendar. */
export function IsCalendarDate(message: string) {
  return Rule('isCalendarDate', (value) => (isCalendarDate(value) ? null : message));
}

/** ?limit= of a list: a whole number from 1 to max. */
export function PageLimit(max: number, fallback: number) {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: max, default: fallback }),
    IsOptional(),
    Type(() => Number),
    Rule('isPageLimit', (value) =>
      Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
        ? null
        : `The limit must be a whole number from 1 to ${max}.`,
    ),
  );
}

/**
 * How a field may be left out of a request: required; optional but never null (a PATCH of
 * a required column); or optional and cleared with null.
 */
export type Presence = 'required' | 'optional' | 'nullable';

export function presence(mode: Presence) {
  if (mode === 'nullable') return [IsOptional()];
  // IsOptional would let null through too, and null would then erase a required column.
  if (mode === 'optional') return [ValidateIf((_object, value) => value !== undefined)];
  return [];
}

export function documented(mode: Presence, options: Parameters<typeof ApiProperty>[0]) {
  return mode === 'required'
    ? ApiProperty(options)
    : ApiPropertyOptional({ ...options, nullable: mode === 'nullable' });
}

/** Trims text; for a clearable field an empty answer means "none". */
export function trimmed(emptyIsNull: boolean) {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    return text === '' && emptyIsNull ? null : text;
  });
}

// Notes and instructions may span lines, but carry no other control characters.
export const MULTI_LINE = /^(?:[^\p{Cc}\u2028\u2029]|[\t\n\r])*$/u;

interface TextDocs {
  example?: string;
  description?: string;
}

function text(mode: Presence, label: string, max: number, docs: TextDocs, lines: 'one' | 'any') {
  return applyDecorators(
    documented(mode, { type: String, minLength: 1, maxLength: max, ...docs }),
    trimmed(mode === 'nullable'),
    ...presence(mode),
    TextRule({
      missing: `Enter ${label}.`,
      max,
      tooLong: `Keep ${label} to ${max} characters or fewer.`,
      pattern: lines === 'one' ? SINGLE_LINE : MULTI_LINE,
      badPattern:
        lines === 'one'
          ? `Write ${label} on one line, without special characters.`
          : `Write ${label} without special characters.`,
    }),
  );
}

/** Single-line text (a name, a title), trimmed; for a clearable field, empty means none. */
export function TextField(mode: Presence, label: string, max: number, docs: TextDocs = {}) {
  return text(mode, label, max, docs, 'one');
}

/** Free text over one or more lines (a note, instructions), trimmed like TextField. */
export function TextBlockField(mode: Presence, label: string, max: number, docs: TextDocs = {}) {
  return text(mode, label, max, docs, 'any');
}

/** ?q= of a search: optional single-line text of at most 100 characters; blank is left out. */
export function SearchTextField(docs: { description: string; example: string }) {
  return applyDecorators(
    ApiPropertyOptional({ description: docs.description, maxLength: 100, example: docs.example }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() || undefined : value,
    ),
    IsOptional(),
    TextRule({
      missing: 'Enter the search as one piece of text.',
      max: 100,
      tooLong: 'Keep the search to 100 characters or fewer.',
      pattern: SINGLE_LINE,
      badPattern: 'Write the search on one line, without special characters.',
    }),
  );
}

/** An optional UUID naming a row (a filter, a choice); `message` says what to choose instead. */
export function OptionalIdField(message: string, description?: string) {
  return applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description }),
    IsOptional(),
    IsUUID('all', { message }),
  );
}

/** ?cursor= of a list: the nextCursor of the page before, up to `max` characters. */
export function CursorField(
  max: number,
  invalid = 'This page link is not valid. Load the list again.',
) {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max, description: 'nextCursor from the previous page' }),
    IsOptional(),
    TextRule({ missing: invalid, max }),
  );
}

const VERSION_MAX = 2_147_483_647;

/** The version of a row as it was loaded, for a change that must not overwrite a newer one. */
export function VersionField(what: string, staleAnswer = '409 record_changed') {
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      maximum: VERSION_MAX,
      description: `The version of the ${what} as loaded; a stale one answers ${staleAnswer}`,
    }),
    Rule('isVersion', (value) =>
      Number.isInteger(value) && (value as number) >= 1 && (value as number) <= VERSION_MAX
        ? null
        : `Send the version of the ${what} as it was loaded.`,
    ),
  );
}
