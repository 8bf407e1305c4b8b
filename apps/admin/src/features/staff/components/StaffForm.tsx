import { TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, useRoleLabel } from '../../../components/RoleNames';
import '../../../components/sections.css';
import { FormActions } from '../../../components/FormActions';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { FormProblems } from '../../../components/FormProblems';
import { STAFF_PATH } from '../../../lib/paths';
import type { StaffRole } from '../api/staff';

export interface StaffFormValues {
  username: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
}

type StaffField = keyof StaffFormValues;
const FIELDS: readonly StaffField[] = ['username', 'displayName', 'email', 'roles'];
const SUMMARY_ID = 'staff-form-errors';
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;

function fieldId(field: StaffField): string {
  // The roles group is reached through its first checkbox.
  return field === 'roles' ? 'staff-role-front-desk' : `staff-${field}`;
}

export interface StaffFormProps {
  label: string;
  initialValues: StaffFormValues;
  /** The username cannot change once the account exists: shown, not editable. */
  usernameEditable: boolean;
  submitLabel: string;
  onSubmit: (values: StaffFormValues) => Promise<unknown>;
}

/** Username, name, email and roles (checkboxes), with server field errors by their fields. */
export function StaffForm({
  label,
  initialValues,
  usernameEditable,
  submitLabel,
  onSubmit,
}: StaffFormProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { busy } = form;
  const { errors } = problems;

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<StaffField, string>> = {};
        if (usernameEditable && !USERNAME.test(values.username.trim())) {
          hints.username = t('staff.form.errors.username');
        }
        if (!values.displayName.trim()) hints.displayName = t('staff.form.errors.displayName');
        if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim()))
          hints.email = t('staff.form.errors.email');
        if (values.roles.length === 0) hints.roles = t('staff.form.errors.roles');
        return hints;
      },
      () =>
        onSubmit({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          email: values.email.trim(),
          roles: values.roles,
        }),
    );

  const toggleRole = (role: StaffRole, checked: boolean) =>
    setValues((current) => ({
      ...current,
      // Kept in the API's order whatever order they were ticked in.
      roles: STAFF_ROLES.filter((r) => (r === role ? checked : current.roles.includes(r))),
    }));

  const rolesErrorId = errors.roles ? 'staff-roles-error' : undefined;

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
        {usernameEditable ? (
          <TextField
            id={fieldId('username')}
            name="username"
            label={t('staff.fields.username')}
            hint={t('staff.form.usernameHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.username}
            error={errors.username}
            onChange={(event) => setValues((v) => ({ ...v, username: event.target.value }))}
          />
        ) : (
          <dl className="ui-details">
            <dt>{t('staff.fields.username')}</dt>
            <dd className="admin-mono">{values.username}</dd>
          </dl>
        )}
        <TextField
          id={fieldId('displayName')}
          name="displayName"
          label={t('staff.fields.displayName')}
          hint={t('staff.form.displayNameHint')}
          autoComplete="off"
          required
          value={values.displayName}
          error={errors.displayName}
          onChange={(event) => setValues((v) => ({ ...v, displayName: event.target.value }))}
        />
        <TextField
          id={fieldId('email')}
          name="email"
          type="email"
          label={t('staff.fields.email')}
          hint={usernameEditable ? t('staff.form.emailHint') : undefined}
          autoComplete="off"
          spellCheck={false}
          required
          value={values.email}
          error={errors.email}
          onChange={(event) => setValues((v) => ({ ...v, email: event.target.value }))}
        />
        <fieldset
          className={['admin-fieldset', errors.roles ? 'ui-field--invalid' : '']
            .filter(Boolean)
            .join(' ')}
          aria-describedby={['staff-roles-hint', rolesErrorId].filter(Boolean).join(' ')}
        >
          <legend>{t('staff.fields.roles')}</legend>
          <p className="ui-field__hint" id="staff-roles-hint">
            {t('staff.form.rolesHint')}
          </p>
          {errors.roles ? (
            <p className="ui-field__error" id={rolesErrorId}>
              {errors.roles}
            </p>
          ) : null}
          <ul className="admin-checks">
            {STAFF_ROLES.map((role) => (
              <li key={role}>
                <label className="admin-check">
                  <input
                    id={`staff-role-${role}`}
                    type="checkbox"
                    name="roles"
                    value={role}
                    checked={values.roles.includes(role)}
                    aria-describedby={`staff-role-${role}-description`}
                    aria-invalid={errors.roles ? true : undefined}
                    onChange={(event) => toggleRole(role, event.target.checked)}
                  />
                  <span>{roleLabel(role)}</span>
                </label>
                <p className="admin-check__description" id={`staff-role-${role}-description`}>
                  {t(`staff.roleDescriptions.${role}`)}
                </p>
              </li>
            ))}
          </ul>
        </fieldset>
        <FormActions busy={busy} label={submitLabel} cancelTo={STAFF_PATH} />
      </form>
    </>
  );
}
