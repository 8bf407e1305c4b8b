import { TextField, type TextFieldProps } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../components/sections.css';
import type { Location } from '../../../lib/catalog';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { CLINIC_LOCATIONS_PATH } from '../utils/paths';
import { TextAreaField } from '../../../components/TextAreaField';
import { TimeZoneSelect } from './TimeZoneSelect';

export interface LocationFormValues {
  name: string;
  phone: string;
  timeZone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  arrivalInstructions: string;
}

type Field =
  | 'name'
  | 'phone'
  | 'timeZone'
  | 'address.line1'
  | 'address.line2'
  | 'address.city'
  | 'address.region'
  | 'address.postalCode'
  | 'address.country'
  | 'arrivalInstructions';

type FieldLabel = `clinicSettings.locations.fields.${
  'name' | 'phone' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country'}`;

const FIELDS: readonly Field[] = [
  'name',
  'phone',
  'timeZone',
  'address.line1',
  'address.line2',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'arrivalInstructions',
];

function fieldId(field: Field): string {
  return `location-${field.replace('address.', 'address-')}`;
}

export function locationFormValues(location?: Location): LocationFormValues {
  return {
    name: location?.name ?? '',
    phone: location?.phone ?? '',
    timeZone: location?.timeZone ?? '',
    line1: location?.address.line1 ?? '',
    line2: location?.address.line2 ?? '',
    city: location?.address.city ?? '',
    region: location?.address.region ?? '',
    postalCode: location?.address.postalCode ?? '',
    country: location?.address.country ?? 'US',
    arrivalInstructions: location?.arrivalInstructions ?? '',
  };
}

export interface LocationFormProps {
  label: string;
  initialValues: LocationFormValues;
  submitLabel: string;
  onSubmit: (values: LocationFormValues) => Promise<unknown>;
}

/** Name, address, phone, time zone and arrival instructions of a clinic location. */
export function LocationForm({ label, initialValues, submitLabel, onSubmit }: LocationFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { busy } = form;
  const { errors } = problems;

  const set = (changes: Partial<LocationFormValues>) =>
    setValues((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        const required: [Field, keyof LocationFormValues, string][] = [
          ['name', 'name', t('clinicSettings.locations.errors.name')],
          ['address.line1', 'line1', t('clinicSettings.locations.errors.line1')],
          ['address.city', 'city', t('clinicSettings.locations.errors.city')],
          ['address.region', 'region', t('clinicSettings.locations.errors.region')],
          ['address.postalCode', 'postalCode', t('clinicSettings.locations.errors.postalCode')],
          ['phone', 'phone', t('clinicSettings.locations.errors.phone')],
          ['timeZone', 'timeZone', t('clinicSettings.locations.errors.timeZone')],
        ];
        for (const [field, key, message] of required) {
          if (!values[key].trim()) hints[field] = message;
        }
        if (!/^[A-Za-z]{2}$/.test(values.country.trim())) {
          hints['address.country'] = t('clinicSettings.locations.errors.country');
        }
        return hints;
      },
      () =>
        onSubmit({
          ...values,
          country: values.country.trim().toUpperCase(),
        }),
    );

  const text = (
    field: Field,
    key: keyof LocationFormValues,
    labelKey: FieldLabel,
    extra: Partial<TextFieldProps> = {},
  ) => (
    <TextField
      id={fieldId(field)}
      name={field}
      label={t(labelKey)}
      value={values[key]}
      error={errors[field]}
      onChange={(event) => set({ [key]: event.target.value })}
      {...extra}
    />
  );

  return (
    <>
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-label={label}
        onSubmit={(event) => void submit(event)}
      >
        <div className="admin-form-grid">
          {text('name', 'name', 'clinicSettings.locations.fields.name', { autoComplete: 'off' })}
          {text('phone', 'phone', 'clinicSettings.locations.fields.phone', {
            type: 'tel',
            hint: t('clinicSettings.locations.phoneHint'),
          })}
        </div>
        <TimeZoneSelect
          id={fieldId('timeZone')}
          value={values.timeZone}
          error={errors.timeZone}
          onChange={(timeZone) => set({ timeZone })}
        />
        <fieldset className="admin-fieldset">
          <legend>{t('clinicSettings.locations.fields.address')}</legend>
          {text('address.line1', 'line1', 'clinicSettings.locations.fields.line1')}
          {text('address.line2', 'line2', 'clinicSettings.locations.fields.line2')}
          <div className="admin-form-grid">
            {text('address.city', 'city', 'clinicSettings.locations.fields.city')}
            {text('address.region', 'region', 'clinicSettings.locations.fields.region')}
            {text('address.postalCode', 'postalCode', 'clinicSettings.locations.fields.postalCode')}
            {text('address.country', 'country', 'clinicSettings.locations.fields.country', {
              hint: t('clinicSettings.locations.countryHint'),
              maxLength: 2,
            })}
          </div>
        </fieldset>
        <TextAreaField
          id={fieldId('arrivalInstructions')}
          name="arrivalInstructions"
          label={t('clinicSettings.locations.fields.arrivalInstructions')}
          hint={t('clinicSettings.locations.arrivalHint')}
          rows={3}
          value={values.arrivalInstructions}
          error={errors.arrivalInstructions}
          onChange={(event) => set({ arrivalInstructions: event.target.value })}
        />
        <FormActions busy={busy} label={submitLabel} cancelTo={CLINIC_LOCATIONS_PATH} />
      </form>
    </>
  );
}
