import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  isEmail,
  isISO31661Alpha2,
  IsObject,
  IsOptional,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { cleanAddress, SEXES, type Patient, type Sex } from './patient.entity.js';

export const EARLIEST_BIRTH_DATE = '1900-01-01';
export const SEARCH_LIMIT_MAX = 100;
const SEARCH_LIMIT_DEFAULT = 20;

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

export function TextField(
  mode: Presence,
  label: string,
  max: number,
  docs: { example?: string; description?: string } = {},
) {
  return applyDecorators(
    documented(mode, { type: String, minLength: 1, maxLength: max, ...docs }),
    trimmed(mode === 'nullable'),
    ...presence(mode),
    TextRule({
      missing: `Enter ${label}.`,
      max,
      tooLong: `Keep ${label} to ${max} characters or fewer.`,
      pattern: SINGLE_LINE,
      badPattern: `Write ${label} on one line, without special characters.`,
    }),
  );
}

function BirthDateField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, { type: String, format: 'date', example: '1968-04-12' }),
    ...presence(mode),
    Rule('isBirthDate', (value) => {
      if (!isCalendarDate(value)) {
        return 'Enter the date of birth as YYYY-MM-DD, for example 1968-04-12.';
      }
      return value < EARLIEST_BIRTH_DATE
        ? `Enter a date of birth on or after ${EARLIEST_BIRTH_DATE}.`
        : null;
    }),
  );
}

function SexField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, { enum: SEXES, enumName: 'Sex' }),
    ...presence(mode),
    IsIn(SEXES, { message: `Choose the sex from: ${SEXES.join(', ')}.` }),
  );
}

function EmailField() {
  return applyDecorators(
    documented('nullable', { type: String, format: 'email', maxLength: 254 }),
    trimmed(true),
    IsOptional(),
    Rule('isEmailAddress', (value) =>
      typeof value === 'string' && value.length <= 254 && isEmail(value)
        ? null
        : 'Enter a valid email address, like name@example.com.',
    ),
  );
}

function MobilePhoneField() {
  return applyDecorators(
    documented('nullable', {
      type: String,
      maxLength: 32,
      example: '+15550101001',
      description:
        'International (E.164) form; spaces, dashes and brackets are accepted and removed.',
    }),
    // Stored in E.164 so a future text-message service can use it as is.
    Transform(({ value }: { value: unknown }) => {
      // Longer than documented: left as sent, so the rule below refuses it.
      if (typeof value !== 'string' || value.length > 32) return value;
      const compact = value.replace(/[\s().-]/g, '');
      return compact === '' ? null : compact;
    }),
    IsOptional(),
    Rule('isMobilePhone', (value) =>
      typeof value === 'string' && /^\+[1-9]\d{7,14}$/.test(value)
        ? null
        : 'Enter the mobile phone number with + and the country code, like +1 555 010 1001.',
    ),
  );
}

export class Address {
  @TextField('required', 'the first address line', 200, { example: '12 Elm Street' })
  line1: string;

  @TextField('nullable', 'the second address line', 200, { example: 'Apartment 4' })
  line2?: string | null;

  @TextField('required', 'the city', 100, { example: 'Springfield' })
  city: string;

  @TextField('required', 'the state or region', 100, { example: 'IL' })
  region: string;

  @ApiProperty({ example: '62701', maxLength: 16 })
  @trimmed(false)
  @TextRule({
    missing: 'Enter the postal code.',
    max: 16,
    pattern: /^[A-Za-z0-9][A-Za-z0-9 -]*$/,
    badPattern: 'Enter a postal code of letters, digits, spaces or dashes.',
  })
  postalCode: string;

  @ApiProperty({
    example: 'US',
    minLength: 2,
    maxLength: 2,
    description: 'ISO 3166-1 alpha-2 country code',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Rule('isCountryCode', (value) =>
    isISO31661Alpha2(value) ? null : 'Enter the country as a two-letter code, like US.',
  )
  country: string;
}

const ADDRESS_MESSAGE = 'Enter the address with line1, city, region, postalCode and country.';

function AddressField() {
  return applyDecorators(
    documented('nullable', { type: Address }),
    IsOptional(),
    // IsObject refuses arrays, which ValidateNested would accept item by item.
    IsObject({ message: ADDRESS_MESSAGE }),
    ValidateNested({ message: ADDRESS_MESSAGE }),
    Type(() => Address),
  );
}

export class CreatePatientRequest {
  @TextField('required', 'the legal given name', 100, { example: 'Alexandra' })
  givenName: string;

  @TextField('required', 'the legal family name', 100, { example: 'Rivera' })
  familyName: string;

  @TextField('nullable', 'the preferred name', 100, {
    example: 'Alex',
    description: 'The name the patient likes to be called',
  })
  preferredName?: string | null;

  @BirthDateField('required')
  dateOfBirth: string;

  @SexField('required')
  sex: Sex;

  @EmailField()
  email?: string | null;

  @MobilePhoneField()
  mobilePhone?: string | null;

  @AddressField()
  address?: Address | null;
}

/** Only the fields sent change; null clears an optional field. */
export class UpdatePatientRequest {
  @TextField('optional', 'the legal given name', 100, { example: 'Alexandra' })
  givenName?: string;

  @TextField('optional', 'the legal family name', 100, { example: 'Rivera' })
  familyName?: string;

  @TextField('nullable', 'the preferred name', 100, { example: 'Alex' })
  preferredName?: string | null;

  @BirthDateField('optional')
  dateOfBirth?: string;

  @SexField('optional')
  sex?: Sex;

  @EmailField()
  email?: string | null;

  @MobilePhoneField()
  mobilePhone?: string | null;

  @AddressField()
  address?: Address | null;
}

export class SearchPatientsQuery {
  @ApiPropertyOptional({
    description:
      'The start of a family or given name (any case; "alex riv" matches both), or an exact MRN',
    maxLength: 100,
    example: 'riv',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || undefined : value,
  )
  @IsOptional()
  @TextRule({
    missing: 'Enter the search as one piece of text.',
    max: 100,
    tooLong: 'Keep the search to 100 characters or fewer.',
    pattern: SINGLE_LINE,
    badPattern: 'Write the search on one line, without special characters.',
  })
  query?: string;

  @ApiPropertyOptional({ format: 'date', example: '1968-04-12' })
  @IsOptional()
  @IsCalendarDate('Enter the date of birth as YYYY-MM-DD, for example 1968-04-12.')
  dateOfBirth?: string;

  @PageLimit(SEARCH_LIMIT_MAX, SEARCH_LIMIT_DEFAULT)
  limit: number = SEARCH_LIMIT_DEFAULT;

  @ApiPropertyOptional({ maxLength: 1000, description: 'nextCursor from the previous page' })
  @IsOptional()
  @TextRule({ missing: 'This page link is not valid. Start the search again.', max: 1000 })
  cursor?: string;
}

export class PatientSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 64, example: 'M00100001', description: 'Medical record number' })
  mrn: string;
  @ApiProperty({ maxLength: 100, example: 'Alexandra', description: 'Legal given name' })
  givenName: string;
  @ApiProperty({ maxLength: 100, example: 'Rivera', description: 'Legal family name' })
  familyName: string;
  @ApiProperty({ maxLength: 100, type: String, nullable: true, example: 'Alex' }) preferredName:
    string | null;
  @ApiProperty({ format: 'date', example: '1968-04-12' }) dateOfBirth: string;
  @ApiProperty({ enum: SEXES, enumName: 'Sex' }) sex: Sex;
}

export class PatientDetails extends PatientSummary {
  @ApiProperty({ maxLength: 254, type: String, nullable: true, format: 'email' }) email:
    string | null;
  @ApiProperty({ maxLength: 16, type: String, nullable: true, example: '+15550101001' })
  mobilePhone: string | null;
  @ApiProperty({ type: Address, nullable: true }) address: Address | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PatientPage {
  @ApiProperty({ maxItems: 100, type: [PatientSummary] }) items: PatientSummary[];
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: 1000,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor: string | null;
}

export function toPatientDetails(patient: Patient): PatientDetails {
  return {
    id: patient.id,
    mrn: patient.mrn,
    givenName: patient.givenName,
    familyName: patient.familyName,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    email: patient.email,
    mobilePhone: patient.mobilePhone,
    address: cleanAddress(patient.address),
    createdAt: patient.createdAt.toISOString(),
    updatedAt: patient.updatedAt.toISOString(),
  };
}
