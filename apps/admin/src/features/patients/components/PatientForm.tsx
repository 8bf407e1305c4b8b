import {
  Button,
  ErrorSummary,
  TextField,
  type ErrorSummaryItem,
  type TextFieldProps,
} from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { fieldProblems } from '../../../lib/api-errors';
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
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PatientField, string>>>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const showFieldErrors = (errors: Partial<Record<PatientField, string>>, other: string[] = []) => {
    setFieldErrors(errors);
    setSummary([
      ...PATIENT_FIELDS.filter((field) => errors[field]).map((field) => ({
        message: errors[field] ?? '',
        targetId: patientFieldId(field),
      })),
      ...other.map((message) => ({ message })),
    ]);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((count) => count + 1);
    setFailure(null);

    const hints = clientHints(values, localToday());
    const hinted = Object.keys(hints) as PatientField[];
    if (hinted.length > 0) {
      const errors: Partial<Record<PatientField, string>> = {};
      for (const field of hinted) {
        const hint = hints[field];
        errors[field] =
          (hint === 'required' || hint === 'addressRequired') && hasRequiredMessage(field)
            ? t(REQUIRED_MESSAGES[field])
            : t(`patients.form.hints.${hint ?? 'required'}`);
      }
      showFieldErrors(errors);
      return;
    }

    setFieldErrors({});
    setSummary(null);
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const problems = fieldProblems(error, formFieldFor);
      if (problems.length > 0) {
        const errors: Partial<Record<PatientField, string>> = {};
        const other: string[] = [];
        for (const { field, message } of problems) {
          if (field) errors[field] ??= message;
          else other.push(message);
        }
        showFieldErrors(errors, other);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

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
      {summary ? (
        <ErrorSummary
          id={SUMMARY_ID}
          title={t('sections.errors.summaryTitle')}
          errors={summary}
          focusKey={attempt}
        />
      ) : null}
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <form
        className="admin-form"
        noValidate
        aria-label={label}
        aria-describedby={summary ? SUMMARY_ID : undefined}
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
        <div className="ui-actions">
          <Button type="submit" busy={busy}>
            {busy ? t('sections.saving') : submitLabel}
          </Button>
          <Link to={cancelTo}>{t('sections.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
