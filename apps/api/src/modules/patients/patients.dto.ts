import { PageOf } from '../../common/pager.js';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  isEmail,
  isISO31661Alpha2,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import {
  CursorField,
  documented,
  IsCalendarDate,
  isCalendarDate,
  PageLimit,
  presence,
  type Presence,
  Rule,
  SearchTextField,
  TextField,
  TextRule,
  trimmed,
} from '../../common/field-rules.js';
import { cleanAddress, SEXES, type Patient, type Sex } from './patient.entity.js';

export const EARLIEST_BIRTH_DATE = '1900-01-01';
export const SEARCH_LIMIT_MAX = 100;
const SEARCH_LIMIT_DEFAULT = 20;

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
  @SearchTextField({
    description:
      'The start of a family or given name (any case; "alex riv" matches both), or an exact MRN',
    example: 'riv',
  })
  query?: string;

  @ApiPropertyOptional({ format: 'date', example: '1968-04-12' })
  @IsOptional()
  @IsCalendarDate('Enter the date of birth as YYYY-MM-DD, for example 1968-04-12.')
  dateOfBirth?: string;

  @PageLimit(SEARCH_LIMIT_MAX, SEARCH_LIMIT_DEFAULT)
  limit: number = SEARCH_LIMIT_DEFAULT;

  @CursorField(1000, 'This page link is not valid. Start the search again.')
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

export class PatientPage extends PageOf(PatientSummary) {}

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
