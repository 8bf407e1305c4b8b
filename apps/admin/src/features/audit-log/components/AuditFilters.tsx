import { Button, ErrorSummary, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { AUDIT_OUTCOMES } from '../api/audit-log';
import {
  FILTER_FIELDS,
  filterProblems,
  type AuditFilterField,
  type AuditFilterValues,
} from '../utils/filters';

const SUMMARY_ID = 'audit-filter-errors';

function fieldId(field: AuditFilterField): string {
  return `audit-filter-${field}`;
}

export interface AuditFiltersProps {
  /** The filters in the address now; the form starts from them. */
  initialValues: AuditFilterValues;
  /** Field errors the API gave for these filters. */
  serverErrors: Partial<Record<AuditFilterField, string>>;
  onApply: (values: AuditFilterValues) => void;
}

/** Action prefix, outcome, patient, actor and a date range; applying puts them in the address. */
export function AuditFilters({ initialValues, serverErrors, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<Partial<Record<AuditFilterField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const errors = { ...serverErrors, ...clientErrors };
  const listed = FILTER_FIELDS.filter((field) => errors[field]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const problems = filterProblems(values);
    const next: Partial<Record<AuditFilterField, string>> = {};
    for (const field of FILTER_FIELDS) {
      const problem = problems[field];
      if (problem) next[field] = t(`audit.filters.errors.${problem}`);
    }
    setClientErrors(next);
    if (Object.keys(next).length === 0) {
      onApply(values);
    }
  };

  const text = (field: Exclude<AuditFilterField, 'outcome'>, type = 'text') => (
    <TextField
      id={fieldId(field)}
      name={field}
      type={type}
      label={t(`audit.filters.${field}`)}
      hint={t(`audit.filters.hints.${field}`)}
      autoComplete="off"
      spellCheck={false}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
    />
  );

  return (
    <>
      {listed.length > 0 ? (
        <ErrorSummary
          id={SUMMARY_ID}
          title={t('audit.filters.errors.title')}
          errors={listed.map((field) => ({
            message: errors[field] ?? '',
            targetId: fieldId(field),
          }))}
          focusKey={attempt}
        />
      ) : null}
      <form
        className="admin-filters"
        aria-label={t('audit.filters.label')}
        noValidate
        onSubmit={submit}
      >
        {text('action')}
        <SelectField
          id={fieldId('outcome')}
          name="outcome"
          label={t('audit.filters.outcome')}
          value={values.outcome}
          error={errors.outcome}
          onChange={(event) =>
            setValues((current) => ({
              ...current,
              outcome: event.target.value as AuditFilterValues['outcome'],
            }))
          }
          options={[
            { value: '', label: t('audit.filters.anyOutcome') },
            ...AUDIT_OUTCOMES.map((outcome) => ({
              value: outcome,
              label: t(`audit.outcome.${outcome}`),
            })),
          ]}
        />
        {text('patientId')}
        {text('actorAccountId')}
        {text('from', 'date')}
        {text('to', 'date')}
        <div className="ui-actions">
          <Button type="submit">{t('audit.filters.apply')}</Button>
          <Link to={{ search: '' }}>{t('audit.filters.clear')}</Link>
        </div>
      </form>
    </>
  );
}
