import { TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { useLocations } from '../../../lib/catalog';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import type { CarePool, PoolDepartment } from '../api/clinic-settings';
import { CLINIC_CARE_POOLS_PATH } from '../utils/paths';

const DEPARTMENTS: readonly PoolDepartment[] = ['clinical', 'appointments', 'billing'];

export interface CarePoolFormValues {
  name: string;
  /** Empty until one is chosen. */
  department: PoolDepartment | '';
  /** Empty: the whole clinic. */
  locationId: string;
}

type Field = keyof CarePoolFormValues;
const FIELDS: readonly Field[] = ['name', 'department', 'locationId'];

function fieldId(field: Field): string {
  return `care-pool-${field}`;
}

export function carePoolFormValues(pool?: CarePool): CarePoolFormValues {
  return {
    name: pool?.name ?? '',
    department: pool?.department ?? '',
    locationId: pool?.locationId ?? '',
  };
}

export interface CarePoolFormProps {
  label: string;
  initialValues: CarePoolFormValues;
  submitLabel: string;
  onSubmit: (
    values: CarePoolFormValues & { department: PoolDepartment; name: string },
  ) => Promise<unknown>;
}

/** A care-team pool: its name, the department whose roles read it, and an optional location. */
export function CarePoolForm({ label, initialValues, submitLabel, onSubmit }: CarePoolFormProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { errors } = problems;

  const set = (changes: Partial<CarePoolFormValues>) =>
    setValues((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!values.name.trim()) hints.name = t('clinicSettings.carePools.errors.name');
        if (!values.department) hints.department = t('clinicSettings.carePools.errors.department');
        return hints;
      },
      () =>
        onSubmit({
          ...values,
          name: values.name.trim(),
          department: values.department as PoolDepartment,
        }),
    );

  // Inactive locations stay offered only when the pool is already there.
  const places = (locations.data ?? []).filter(
    (place) => place.active || place.id === initialValues.locationId,
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
        <TextField
          id={fieldId('name')}
          name="name"
          label={t('clinicSettings.carePools.fields.name')}
          hint={t('clinicSettings.carePools.nameHint')}
          autoComplete="off"
          maxLength={100}
          value={values.name}
          error={errors.name}
          onChange={(event) => set({ name: event.target.value })}
        />
        <SelectField
          id={fieldId('department')}
          name="department"
          label={t('clinicSettings.carePools.fields.department')}
          hint={t('clinicSettings.carePools.departmentHint')}
          value={values.department}
          error={errors.department}
          options={[
            ...(values.department === ''
              ? [{ value: '', label: t('clinicSettings.carePools.chooseDepartment') }]
              : []),
            ...DEPARTMENTS.map((department) => ({
              value: department,
              label: t(`clinicSettings.carePools.departments.${department}`),
            })),
          ]}
          onChange={(event) => set({ department: event.target.value as PoolDepartment })}
        />
        <SelectField
          id={fieldId('locationId')}
          name="locationId"
          label={t('clinicSettings.carePools.fields.location')}
          hint={t('clinicSettings.carePools.locationHint')}
          value={values.locationId}
          error={errors.locationId}
          options={[
            { value: '', label: t('clinicSettings.carePools.wholeClinic') },
            ...places.map((place) => ({
              value: place.id,
              label: place.active
                ? place.name
                : t('clinicSettings.inactiveName', { name: place.name }),
            })),
          ]}
          onChange={(event) => set({ locationId: event.target.value })}
        />
        <FormActions busy={form.busy} label={submitLabel} cancelTo={CLINIC_CARE_POOLS_PATH} />
      </form>
    </>
  );
}
