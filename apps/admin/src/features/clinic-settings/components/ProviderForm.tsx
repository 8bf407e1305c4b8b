import { TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import type { StaffAccount } from '../api/clinic-settings';
import type { Provider, VisitType } from '../../../lib/catalog';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { CLINIC_PROVIDERS_PATH } from '../utils/paths';
import { TextAreaField } from '../../../components/TextAreaField';

export interface ProviderFormValues {
  displayName: string;
  specialty: string;
  bio: string;
  accountId: string;
  visitTypeIds: string[];
}

type Field = keyof ProviderFormValues;
const FIELDS: readonly Field[] = ['displayName', 'specialty', 'bio', 'accountId', 'visitTypeIds'];

function fieldId(field: Field): string {
  return field === 'visitTypeIds' ? 'provider-visit-types' : `provider-${field}`;
}

export function providerFormValues(provider?: Provider): ProviderFormValues {
  return {
    displayName: provider?.displayName ?? '',
    specialty: provider?.specialty ?? '',
    bio: provider?.bio ?? '',
    accountId: provider?.accountId ?? '',
    visitTypeIds: provider?.visitTypeIds ?? [],
  };
}

export interface ProviderFormProps {
  label: string;
  initialValues: ProviderFormValues;
  visitTypes: VisitType[];
  accounts: StaffAccount[];
  submitLabel: string;
  onSubmit: (values: ProviderFormValues) => Promise<unknown>;
}

/**
 * A provider as patients see them (name, specialty, biography), the staff account they sign
 * in with, and the kinds of visit they offer.
 */
export function ProviderForm({
  label,
  initialValues,
  visitTypes,
  accounts,
  submitLabel,
  onSubmit,
}: ProviderFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { busy } = form;
  const { errors } = problems;

  const set = (changes: Partial<ProviderFormValues>) =>
    setValues((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!values.displayName.trim()) {
          hints.displayName = t('clinicSettings.providers.errors.displayName');
        }
        if (!values.specialty.trim())
          hints.specialty = t('clinicSettings.providers.errors.specialty');
        return hints;
      },
      () => onSubmit(values),
    );

  // The linked account stays choosable even if it lost the provider role since.
  const accountOptions = [
    { value: '', label: t('clinicSettings.providers.noAccount') },
    ...accounts.map((account) => ({
      value: account.id,
      label: t('clinicSettings.providers.accountOption', {
        name: account.displayName,
        username: account.username,
      }),
    })),
    ...(values.accountId && !accounts.some((account) => account.id === values.accountId)
      ? [{ value: values.accountId, label: t('clinicSettings.providers.otherAccount') }]
      : []),
  ];

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
            id={fieldId('displayName')}
            name="displayName"
            label={t('clinicSettings.providers.fields.displayName')}
            hint={t('clinicSettings.providers.displayNameHint')}
            autoComplete="off"
            value={values.displayName}
            error={errors.displayName}
            onChange={(event) => set({ displayName: event.target.value })}
          />
          <TextField
            id={fieldId('specialty')}
            name="specialty"
            label={t('clinicSettings.providers.fields.specialty')}
            autoComplete="off"
            value={values.specialty}
            error={errors.specialty}
            onChange={(event) => set({ specialty: event.target.value })}
          />
        </div>
        <TextAreaField
          id={fieldId('bio')}
          name="bio"
          label={t('clinicSettings.providers.fields.bio')}
          hint={t('clinicSettings.providers.bioHint')}
          rows={4}
          value={values.bio}
          error={errors.bio}
          onChange={(event) => set({ bio: event.target.value })}
        />
        <SelectField
          id={fieldId('accountId')}
          name="accountId"
          label={t('clinicSettings.providers.fields.account')}
          hint={t('clinicSettings.providers.accountHint')}
          value={values.accountId}
          error={errors.accountId}
          options={accountOptions}
          onChange={(event) => set({ accountId: event.target.value })}
        />
        <fieldset
          className={['admin-fieldset', errors.visitTypeIds ? 'ui-field--invalid' : '']
            .filter(Boolean)
            .join(' ')}
          aria-describedby={errors.visitTypeIds ? 'provider-visit-types-error' : undefined}
        >
          <legend>{t('clinicSettings.providers.fields.visitTypes')}</legend>
          {errors.visitTypeIds ? (
            <p className="ui-field__error" id="provider-visit-types-error">
              {errors.visitTypeIds}
            </p>
          ) : null}
          {visitTypes.length === 0 ? (
            <p className="admin-muted">{t('clinicSettings.providers.noVisitTypes')}</p>
          ) : (
            <ul className="admin-checks">
              {visitTypes.map((type, index) => (
                <li key={type.id}>
                  <label className="admin-check">
                    <input
                      id={index === 0 ? fieldId('visitTypeIds') : undefined}
                      type="checkbox"
                      value={type.id}
                      checked={values.visitTypeIds.includes(type.id)}
                      onChange={(event) =>
                        set({
                          // Kept in the list's order whatever order they were ticked in.
                          visitTypeIds: visitTypes
                            .map((item) => item.id)
                            .filter((id) =>
                              id === type.id
                                ? event.target.checked
                                : values.visitTypeIds.includes(id),
                            ),
                        })
                      }
                    />
                    <span>
                      {type.active
                        ? type.name
                        : t('clinicSettings.inactiveName', { name: type.name })}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <FormActions busy={busy} label={submitLabel} cancelTo={CLINIC_PROVIDERS_PATH} />
      </form>
    </>
  );
}
