import { TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import type { VisitType } from '../../../lib/catalog';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { CLINIC_VISIT_TYPES_PATH } from '../utils/paths';
import { TextAreaField } from '../../../components/TextAreaField';

export type PatientStatusRule = VisitType['patientStatus'];
const PATIENT_STATUSES: readonly PatientStatusRule[] = ['any', 'new', 'established'];

export interface VisitTypeFormValues {
  name: string;
  description: string;
  durationMinutes: string;
  bookableOnline: boolean;
  patientStatus: PatientStatusRule;
}

type Field = keyof VisitTypeFormValues;
const FIELDS: readonly Field[] = [
  'name',
  'description',
  'durationMinutes',
  'bookableOnline',
  'patientStatus',
];

function fieldId(field: Field): string {
  return `visit-type-${field}`;
}

export function visitTypeFormValues(visitType?: VisitType): VisitTypeFormValues {
  return {
    name: visitType?.name ?? '',
    description: visitType?.description ?? '',
    durationMinutes: String(visitType?.durationMinutes ?? 30),
    bookableOnline: visitType?.bookableOnline ?? true,
    patientStatus: visitType?.patientStatus ?? 'any',
  };
}

export interface VisitTypeFormProps {
  label: string;
  initialValues: VisitTypeFormValues;
  submitLabel: string;
  onSubmit: (values: VisitTypeFormValues & { duration: number }) => Promise<unknown>;
}

/** A kind of visit: its name, length, and whether and by whom it may be booked online. */
export function VisitTypeForm({ label, initialValues, submitLabel, onSubmit }: VisitTypeFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { busy } = form;
  const { errors } = problems;

  const set = (changes: Partial<VisitTypeFormValues>) =>
    setValues((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!values.name.trim()) hints.name = t('clinicSettings.visitTypes.errors.name');
        const duration = Number(values.durationMinutes);
        if (!Number.isInteger(duration) || duration < 5 || duration > 480 || duration % 5 !== 0) {
          hints.durationMinutes = t('clinicSettings.visitTypes.errors.duration');
        }
        return hints;
      },
      () => onSubmit({ ...values, duration: Number(values.durationMinutes) }),
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
          <TextField
            id={fieldId('name')}
            name="name"
            label={t('clinicSettings.visitTypes.fields.name')}
            hint={t('clinicSettings.visitTypes.nameHint')}
            autoComplete="off"
            value={values.name}
            error={errors.name}
            onChange={(event) => set({ name: event.target.value })}
          />
          <TextField
            id={fieldId('durationMinutes')}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            label={t('clinicSettings.visitTypes.fields.duration')}
            hint={t('clinicSettings.visitTypes.durationHint')}
            value={values.durationMinutes}
            error={errors.durationMinutes}
            onChange={(event) => set({ durationMinutes: event.target.value })}
          />
        </div>
        <TextAreaField
          id={fieldId('description')}
          name="description"
          label={t('clinicSettings.visitTypes.fields.description')}
          hint={t('clinicSettings.visitTypes.descriptionHint')}
          rows={3}
          value={values.description}
          error={errors.description}
          onChange={(event) => set({ description: event.target.value })}
        />
        <fieldset className="admin-fieldset">
          <legend>{t('clinicSettings.visitTypes.fields.online')}</legend>
          {errors.bookableOnline ? (
            <p className="ui-field__error">{errors.bookableOnline}</p>
          ) : null}
          <label className="admin-check">
            <input
              id={fieldId('bookableOnline')}
              type="checkbox"
              checked={values.bookableOnline}
              onChange={(event) => set({ bookableOnline: event.target.checked })}
            />
            <span>{t('clinicSettings.visitTypes.bookableOnline')}</span>
          </label>
          <SelectField
            id={fieldId('patientStatus')}
            name="patientStatus"
            label={t('clinicSettings.visitTypes.fields.patientStatus')}
            hint={t('clinicSettings.visitTypes.patientStatusHint')}
            value={values.patientStatus}
            error={errors.patientStatus}
            options={PATIENT_STATUSES.map((status) => ({
              value: status,
              label: t(`clinicSettings.visitTypes.patientStatus.${status}`),
            }))}
            onChange={(event) => set({ patientStatus: event.target.value as PatientStatusRule })}
          />
        </fieldset>
        <FormActions busy={busy} label={submitLabel} cancelTo={CLINIC_VISIT_TYPES_PATH} />
      </form>
    </>
  );
}
