import type { PatientRecord } from '../../../lib/patient-record';
import { isCalendarDate } from '../../../lib/format-compact';
import type { CreatePatientRequest } from '../api/patients';
import type { UpdatePatientRequest } from '../api/patients';

export type Sex = CreatePatientRequest['sex'];
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

/** Every input of the patient form, as the text the inputs hold. */
export interface PatientFormValues {
  givenName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: string;
  sex: Sex | '';
  email: string;
  mobilePhone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export type PatientField = keyof PatientFormValues;

export const PATIENT_FIELDS: readonly PatientField[] = [
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'email',
  'mobilePhone',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'country',
];

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
const REQUIRED_ADDRESS_FIELDS = ['line1', 'city', 'region', 'postalCode', 'country'] as const;

export const EMPTY_PATIENT_FORM: PatientFormValues = {
  givenName: '',
  familyName: '',
  preferredName: '',
  dateOfBirth: '',
  sex: '',
  email: '',
  mobilePhone: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
};

export function toFormValues(patient: PatientRecord): PatientFormValues {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    preferredName: patient.preferredName ?? '',
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    email: patient.email ?? '',
    mobilePhone: patient.mobilePhone ?? '',
    line1: patient.address?.line1 ?? '',
    line2: patient.address?.line2 ?? '',
    city: patient.address?.city ?? '',
    region: patient.address?.region ?? '',
    postalCode: patient.address?.postalCode ?? '',
    country: patient.address?.country ?? '',
  };
}

function optional(text: string): string | null {
  const value = text.trim();
  return value === '' ? null : value;
}

/** An address only when one of its lines was filled in; the country alone is not an address. */
function toAddress(values: PatientFormValues): CreatePatientRequest['address'] {
  const filled = ADDRESS_FIELDS.filter((field) => field !== 'country').some(
    (field) => values[field].trim() !== '',
  );
  if (!filled) {
    return null;
  }
  const line2 = optional(values.line2);
  return {
    line1: values.line1.trim(),
    ...(line2 ? { line2 } : {}),
    city: values.city.trim(),
    region: values.region.trim(),
    postalCode: values.postalCode.trim(),
    country: values.country.trim().toUpperCase(),
  };
}

export function toCreateRequest(values: PatientFormValues): CreatePatientRequest {
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    preferredName: optional(values.preferredName),
    dateOfBirth: values.dateOfBirth,
    // The form does not submit without a choice; the server names a missing one anyway.
    sex: values.sex as Sex,
    email: optional(values.email),
    mobilePhone: optional(values.mobilePhone),
    address: toAddress(values),
  };
}

/**
 * Only what changed, as the PATCH wants it: an emptied optional field is sent as null (which
 * clears it), the address is sent whole when any line of it changed.
 */
export function toUpdateRequest(
  original: PatientFormValues,
  values: PatientFormValues,
): UpdatePatientRequest {
  const next = toCreateRequest(values);
  const before = toCreateRequest(original);
  const changes: UpdatePatientRequest = {};
  if (next.givenName !== before.givenName) changes.givenName = next.givenName;
  if (next.familyName !== before.familyName) changes.familyName = next.familyName;
  if (next.preferredName !== before.preferredName) changes.preferredName = next.preferredName;
  if (next.dateOfBirth !== before.dateOfBirth) changes.dateOfBirth = next.dateOfBirth;
  if (next.sex !== before.sex) changes.sex = next.sex;
  if (next.email !== before.email) changes.email = next.email;
  if (next.mobilePhone !== before.mobilePhone) changes.mobilePhone = next.mobilePhone;
  if (JSON.stringify(next.address) !== JSON.stringify(before.address)) {
    changes.address = next.address;
  }
  return changes;
}

/** Problems the form can spot before sending: the keys of their messages, by field. */
export type PatientHint =
  'required' | 'dateFormat' | 'dateInFuture' | 'dateTooEarly' | 'email' | 'addressRequired';

export function clientHints(
  values: PatientFormValues,
  today: string,
): Partial<Record<PatientField, PatientHint>> {
  const hints: Partial<Record<PatientField, PatientHint>> = {};
  for (const field of ['givenName', 'familyName', 'sex'] as const) {
    if (!values[field].trim()) hints[field] = 'required';
  }
  if (!values.dateOfBirth) {
    hints.dateOfBirth = 'required';
  } else if (!isCalendarDate(values.dateOfBirth)) {
    hints.dateOfBirth = 'dateFormat';
  } else if (values.dateOfBirth > today) {
    hints.dateOfBirth = 'dateInFuture';
  } else if (values.dateOfBirth < '1900-01-01') {
    hints.dateOfBirth = 'dateTooEarly';
  }
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) {
    hints.email = 'email';
  }
  if (toAddress(values)) {
    for (const field of REQUIRED_ADDRESS_FIELDS) {
      if (!values[field].trim()) hints[field] = 'addressRequired';
    }
  }
  return hints;
}

/**
 * The form field a server error belongs to: `givenName` → givenName, `address.city` → city;
 * a problem with the address as a whole goes to its first line.
 */
export function formFieldFor(serverField: string): PatientField | undefined {
  if (serverField === 'address') return 'line1';
  const name = serverField.startsWith('address.')
    ? serverField.slice('address.'.length)
    : serverField;
  return (PATIENT_FIELDS as readonly string[]).includes(name) ? (name as PatientField) : undefined;
}
