import { PageOf } from '../../common/pager.js';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, isUUID, IsUUID, ValidateNested } from 'class-validator';
import { IANAZone } from 'luxon';
import { cleanAddress } from '../patients/patient.entity.js';
import { Address } from '../patients/patients.dto.js';
import {
  CursorField,
  documented,
  OptionalIdField,
  PageLimit,
  presence,
  type Presence,
  Rule,
  TextBlockField,
  TextField,
  trimmed,
} from '../../common/field-rules.js';
import {
  PATIENT_STATUSES,
  type Location,
  type PatientStatusRule,
  type VisitType,
} from './scheduling.entities.js';

export const CATALOG_LIMIT_MAX = 100;
const CATALOG_LIMIT_DEFAULT = 50;
export const VISIT_TYPES_PER_PROVIDER_MAX = 50;

// Area/City names only: offsets such as "+05:00" are not zones a clinic sits in.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const PHONE = /^\+?[0-9(][0-9 ().-]*[0-9]$/;
/** The longest IANA zone name accepted (the longest real one has 30 characters). */
export const TIME_ZONE_MAX_LENGTH = 64;

/** The runtime's own spelling of an IANA zone ("america/chicago" → "America/Chicago"), or null. */
export function canonicalTimeZone(value: unknown): string | null {
  if (
    typeof value !== 'string' ||
    value.length > TIME_ZONE_MAX_LENGTH ||
    !ZONE_NAME.test(value) ||
    !IANAZone.isValidZone(value)
  ) {
    return null;
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
}

/** The staff account a provider signs in with; null unlinks it. */
function ProviderAccountField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description }),
    IsOptional(),
    IsUUID('all', { message: 'Choose a staff account from the list.' }),
  );
}

function TimeZoneField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, {
      type: String,
      maxLength: TIME_ZONE_MAX_LENGTH,
      example: 'America/Chicago',
      description: 'IANA time zone of the location; every time there is shown in it',
    }),
    Transform(({ value }: { value: unknown }) => canonicalTimeZone(value) ?? value),
    ...presence(mode),
    Rule('isTimeZone', (value) =>
      canonicalTimeZone(value) === null
        ? 'Choose a time zone from the list, like America/Chicago.'
        : null,
    ),
  );
}

function PhoneField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, {
      type: String,
      maxLength: 30,
      example: '+1 555 010 2000',
      description: 'International (E.164) or national form, as patients should dial it',
    }),
    trimmed(false),
    ...presence(mode),
    Rule('isPhone', (value) => {
      const digits = typeof value === 'string' ? value.replace(/\D/g, '').length : 0;
      return typeof value === 'string' &&
        value.length <= 30 &&
        PHONE.test(value) &&
        digits >= 7 &&
        digits <= 15
        ? null
        : 'Enter the phone number in digits, like +1 555 010 2000 or (555) 010-2000.';
    }),
  );
}

function AddressField(mode: Exclude<Presence, 'nullable'>) {
  const message = 'Enter the address with line1, city, region, postalCode and country.';
  return applyDecorators(
    documented(mode, { type: Address }),
    ...presence(mode),
    IsObject({ message }),
    ValidateNested({ message }),
    Type(() => Address),
  );
}

function BooleanField(mode: Exclude<Presence, 'nullable'>, message: string, description: string) {
  return applyDecorators(
    documented(mode, { type: Boolean, description }),
    ...presence(mode),
    Rule('isBoolean', (value) => (typeof value === 'boolean' ? null : message)),
  );
}

function DurationField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, {
      type: 'integer',
      minimum: 5,
      maximum: 480,
      multipleOf: 5,
      example: 30,
    }),
    ...presence(mode),
    Rule('isDuration', (value) =>
      Number.isInteger(value) &&
      (value as number) >= 5 &&
      (value as number) <= 480 &&
      (value as number) % 5 === 0
        ? null
        : 'Choose a length from 5 to 480 minutes, in steps of 5 minutes.',
    ),
  );
}

function PatientStatusField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, {
      enum: PATIENT_STATUSES,
      enumName: 'PatientStatusRule',
      description:
        'Who may book it online: new patients (no completed visit yet), established ones, or any',
    }),
    ...presence(mode),
    IsIn(PATIENT_STATUSES, {
      message: `Choose who may book from: ${PATIENT_STATUSES.join(', ')}.`,
    }),
  );
}

function VisitTypeIdsField(mode: Exclude<Presence, 'nullable'>) {
  return applyDecorators(
    documented(mode, {
      type: String,
      format: 'uuid',
      isArray: true,
      maxItems: VISIT_TYPES_PER_PROVIDER_MAX,
      description: 'The visit types this provider offers (the whole list)',
    }),
    ...presence(mode),
    Rule('isVisitTypeIds', (value) =>
      Array.isArray(value) &&
      value.length <= VISIT_TYPES_PER_PROVIDER_MAX &&
      value.every((id) => typeof id === 'string' && isUUID(id)) &&
      new Set(value).size === value.length
        ? null
        : `Choose up to ${VISIT_TYPES_PER_PROVIDER_MAX} visit types, each once.`,
    ),
  );
}

function ActiveField(description: string) {
  return BooleanField('optional', 'Choose whether it is active: true or false.', description);
}

// --- locations ---------------------------------------------------------------------------

@ApiSchema({ name: 'Location' })
export class LocationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200, example: 'North Clinic' }) name: string;
  @ApiProperty({ type: Address }) address: Address;
  @ApiProperty({ maxLength: 32, example: '+1 555 010 2000' }) phone: string;
  @ApiProperty({ maxLength: 64, example: 'America/Chicago', description: 'IANA time zone' })
  timeZone: string;
  @ApiProperty({
    maxLength: 1000,
    type: String,
    nullable: true,
    example: 'Park behind the building.',
  })
  arrivalInstructions: string | null;
  @ApiProperty({
    maxLength: 2000,
    format: 'uri',
    example: 'https://www.openstreetmap.org/search?query=12%20Elm%20Street%2C%20Springfield',
    description: 'A map search for the address',
  })
  mapUrl: string;
  @ApiProperty({ description: 'Closed locations stay listed for staff; patients do not see them' })
  active: boolean;
}

export class LocationPage extends PageOf(LocationView, { description: 'By name' }) {}

export class ListCatalogQuery {
  @PageLimit(CATALOG_LIMIT_MAX, CATALOG_LIMIT_DEFAULT)
  limit: number = CATALOG_LIMIT_DEFAULT;

  @CursorField(1000)
  cursor?: string;
}

export class CreateLocationRequest {
  @TextField('required', 'the location name', 200, { example: 'North Clinic' })
  name: string;

  @AddressField('required')
  address: Address;

  @PhoneField('required')
  phone: string;

  @TimeZoneField('required')
  timeZone: string;

  @TextBlockField('nullable', 'the arrival instructions', 1000, {
    example: 'Park behind the building.',
  })
  arrivalInstructions?: string | null;
}

export class UpdateLocationRequest {
  @TextField('optional', 'the location name', 200, { example: 'North Clinic' })
  name?: string;

  @AddressField('optional')
  address?: Address;

  @PhoneField('optional')
  phone?: string;

  @TimeZoneField('optional')
  timeZone?: string;

  @TextBlockField('nullable', 'the arrival instructions', 1000)
  arrivalInstructions?: string | null;

  @ActiveField('false closes the location: patients no longer see it or its hours')
  active?: boolean;
}

/** A map search for the address (OpenStreetMap needs no key and sets no tracking cookies). */
export function mapUrl(address: Location['address']): string {
  const clean = cleanAddress(address)!;
  const text = [
    clean.line1,
    clean.line2,
    clean.city,
    `${clean.region} ${clean.postalCode}`,
    clean.country,
  ]
    .filter(Boolean)
    .join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(text)}`;
}

export function toLocationView(location: Location): LocationView {
  return {
    id: location.id,
    name: location.name,
    address: cleanAddress(location.address)! as Address,
    phone: location.phone,
    timeZone: location.timeZone,
    arrivalInstructions: location.arrivalInstructions,
    mapUrl: mapUrl(location.address),
    active: location.active,
  };
}

// --- providers ---------------------------------------------------------------------------

export class ProviderSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Dr. Priya Shah' }) displayName: string;
  @ApiProperty({ maxLength: 100, example: 'Family medicine' }) specialty: string;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) bio: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The linked staff account (shown to staff only; null for patients)',
  })
  accountId: string | null;
  @ApiProperty({ maxItems: 100, type: String, format: 'uuid', isArray: true })
  visitTypeIds: string[];
  @ApiProperty({
    maxItems: 100,
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Locations where the provider has weekly hours now or later',
  })
  locationIds: string[];
}

export class ProviderPage extends PageOf(ProviderSummary, { description: 'By name' }) {}

export class ListProvidersQuery extends ListCatalogQuery {
  @OptionalIdField('Choose a visit type from the list.', 'Only providers offering this visit type')
  visitTypeId?: string;

  @OptionalIdField(
    'Choose a location from the list.',
    'Only providers with weekly hours at this location now or later',
  )
  locationId?: string;
}

export class CreateProviderRequest {
  @TextField('required', 'the name to show', 100, { example: 'Dr. Priya Shah' })
  displayName: string;

  @TextField('required', 'the specialty', 100, { example: 'Family medicine' })
  specialty: string;

  @TextBlockField('nullable', 'the biography', 2000)
  bio?: string | null;

  @ProviderAccountField('A staff account with the provider role, so the provider can sign in')
  accountId?: string | null;

  @VisitTypeIdsField('required')
  visitTypeIds: string[];
}

export class UpdateProviderRequest {
  @TextField('optional', 'the name to show', 100)
  displayName?: string;

  @TextField('optional', 'the specialty', 100)
  specialty?: string;

  @TextBlockField('nullable', 'the biography', 2000)
  bio?: string | null;

  @ProviderAccountField('null unlinks the staff account')
  accountId?: string | null;

  @VisitTypeIdsField('optional')
  visitTypeIds?: string[];

  @ActiveField('false hides the provider from patients and closes their open times')
  active?: boolean;
}

// --- visit types -------------------------------------------------------------------------

export class VisitTypeSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200, example: 'Annual physical' }) name: string;
  @ApiProperty({ maxLength: 4000, type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: 'integer', minimum: 5, maximum: 480, example: 30 }) durationMinutes: number;
  @ApiProperty({ description: 'Patients may book it themselves' }) bookableOnline: boolean;
  @ApiProperty({ enum: PATIENT_STATUSES, enumName: 'PatientStatusRule' })
  patientStatus: PatientStatusRule;
  @ApiProperty() active: boolean;
}

export class VisitTypePage extends PageOf(VisitTypeSummary, { description: 'By name' }) {}

export class CreateVisitTypeRequest {
  @TextField('required', 'the visit type name', 100, { example: 'Annual physical' })
  name: string;

  @TextBlockField('nullable', 'the description', 1000)
  description?: string | null;

  @DurationField('required')
  durationMinutes: number;

  @BooleanField(
    'required',
    'Choose whether patients may book it online: true or false.',
    'Patients may book it themselves',
  )
  bookableOnline: boolean;

  @PatientStatusField('required')
  patientStatus: PatientStatusRule;
}

export class UpdateVisitTypeRequest {
  @TextField('optional', 'the visit type name', 100)
  name?: string;

  @TextBlockField('nullable', 'the description', 1000)
  description?: string | null;

  @DurationField('optional')
  durationMinutes?: number;

  @BooleanField(
    'optional',
    'Choose whether patients may book it online: true or false.',
    'Patients may book it themselves',
  )
  bookableOnline?: boolean;

  @PatientStatusField('optional')
  patientStatus?: PatientStatusRule;

  @ActiveField('false stops new bookings of this visit type')
  active?: boolean;
}

export function toVisitTypeSummary(visitType: VisitType): VisitTypeSummary {
  return {
    id: visitType.id,
    name: visitType.name,
    description: visitType.description,
    durationMinutes: visitType.durationMinutes,
    bookableOnline: visitType.bookableOnline,
    patientStatus: visitType.patientStatus,
    active: visitType.active,
  };
}
