import { TextField, type TextFieldProps } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { localToday } from '../../../lib/format-compact';
import {
  clientHints,
  formFieldFor,
  PATIENT_FIELDS,
  SEXES,
  type PatientField,
  type PatientFormValues,
} from '../utils/patient-form';

const SUMMARY_ID = 'patient-form-errors';

/** What to say when a field the form needs is empty. */
const REQUIRED_MESSAGES = {
  givenName: 'patients.form.required.givenName',
  familyName: 'patients.form.required.familyName',
  dateOfBirth: 'patients.form.required.dateOfBirth',
  sex: 'patients.form.required.sex',
  line1: 'patients.form.required.line1',
  city: 'patients.form.required.city',
  region: 'patients.form.required.region',
  postalCode: 'patients.form.required.postalCode',
  country: 'patients.form.required.country',
} as const satisfies Partial<Record<PatientField, string>>;

function hasRequiredMessage(field: PatientField): field is keyof typeof REQUIRED_MESSAGES {
  return Object.hasOwn(REQUIRED_MESSAGES, field);
}

export function patientFieldId(field: PatientField): string {
  return `patient-${field}`;
}

export interface PatientFormProps {
  /** Accessible name of the form ("New patient", "Edit details"). */
  label: string;
  initialValues: PatientFormValues;
  submitLabel: string;
  /** Where Cancel goes. */
  cancelTo: string;
  /** Sends the values; a rejection with field errors shows them by their fields. */
  onSubmit: (values: PatientFormValues) => Promise<unknown>;
}

/**
 * Patient demographics, every field labelled. The form checks what it can before sending
 * (required fields, the date, a complete address); the server has the last word, and its
 * field errors (`address.city` too) appear beside the fields they are about.
 */
export function PatientForm({
  label,
  initialValues,
  submitLabel,
  cancelTo,
  onSubmit,
}: PatientFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(PATIENT_FIELDS, patientFieldId);
  const fieldErrors = problems.errors;
  const form = useFormSubmit(problems, formFieldFor);
  const { busy } = form;

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints = clientHints(values, localToday());
        const errors: Partial<Record<PatientField, string>> = {};
        for (const field of Object.keys(hints) as PatientField[]) {
          const hint = hints[field];
          errors[field] =
            (hint === 'required' || hint === 'addressRequired') && hasRequiredMessage(field)
              ? t(REQUIRED_MESSAGES[field])
              : t(`patients.form.hints.${hint ?? 'required'}`);
        }
        return errors;
      },
      () => onSubmit(values),
    );

  const text = (field: PatientField, extra: Partial<TextFieldProps> = {}) => (
    <TextField
      id={patientFieldId(field)}
      name={field}
      label={t(`patients.fields.${field}`)}
      value={values[field]}
      error={fieldErrors[field]}
      onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
      {...extra}
    />
  );

  return (
    <>
      <FormProblems id={SUMMARY_ID} {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-label={label}
        aria-describedby={problems.summary ? SUMMARY_ID : undefined}
        onSubmit={(event) => void submit(event)}
      >
        <fieldset className="admin-fieldset">
          <legend>{t('patients.form.nameGroup')}</legend>
          <div className="admin-form-grid">
            {text('givenName', { required: true, autoComplete: 'off' })}
            {text('familyName', { required: true, autoComplete: 'off' })}
            {text('preferredName', {
              autoComplete: 'off',
              hint: t('patients.form.preferredNameHint'),
            })}
          </div>
        </fieldset>
        <div className="admin-form-grid">
          {text('dateOfBirth', {
            type: 'date',
            required: true,
            min: '1900-01-01',
            max: localToday(),
          })}
          <SelectField
            id={patientFieldId('sex')}
            name="sex"
            label={t('patients.fields.sex')}
            required
            value={values.sex}
            error={fieldErrors.sex}
            onChange={(event) =>
              setValues((current) => ({
                ...current,
                sex: event.target.value as PatientFormValues['sex'],
              }))
            }
            options={[
              { value: '', label: t('patients.form.chooseSex') },
              ...SEXES.map((sex) => ({ value: sex, label: t(`patients.sex.${sex}`) })),
            ]}
          />
        </div>
        <fieldset className="admin-fieldset">
          <legend>{t('patients.form.contactGroup')}</legend>
          <div className="admin-form-grid">
            {text('email', {
              type: 'email',
              autoComplete: 'off',
              spellCheck: false,
              hint: t('patients.form.emailHint'),
            })}
            {text('mobilePhone', {
              type: 'tel',
              autoComplete: 'off',
              hint: t('patients.form.mobilePhoneHint'),
            })}
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{t('patients.form.addressGroup')}</legend>
          <p className="ui-field__hint">{t('patients.form.addressHint')}</p>
          <div className="admin-form-grid">
            {text('line1', { autoComplete: 'off' })}
            {text('line2', { autoComplete: 'off' })}
            {text('city', { autoComplete: 'off' })}
            {text('region', { autoComplete: 'off' })}
            {text('postalCode', { autoComplete: 'off' })}
            {text('country', {
              autoComplete: 'off',
              maxLength: 2,
              hint: t('patients.form.countryHint'),
            })}
          </div>
        </fieldset>
        <FormActions busy={busy} label={submitLabel} cancelTo={cancelTo} />
      </form>
    </>
  );
}
