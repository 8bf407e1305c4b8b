import { Button, Dialog, TextField } from '@portal/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { isApiError } from '@portal/api-client';
import { useCreateRecord, useUpdateRecord } from '../api/records';
import type { CodeEntry, HealthRecordItem } from '../api/types';
import type { FieldSpec, KindSpec } from '../utils/kinds';
import {
  changedFields,
  createBody,
  formFieldOf,
  initialValues,
  missingFields,
  type FormValues,
} from '../utils/form-values';
import { CodeLookup } from './CodeLookup';
import { TextAreaField } from '../../../components/TextAreaField';

export interface RecordFormDialogProps {
  patientId: string;
  spec: KindSpec;
  /** The record being corrected; absent when adding a new one. */
  record?: HealthRecordItem;
  onDone: (message: string) => void;
  onClose: () => void;
}

/**
 * Adds a record, or corrects one: a correction sends only what changed, with the version it
 * started from and a required reason, and the API keeps the earlier version in the history.
 */
export function RecordFormDialog({
  patientId,
  spec,
  record,
  onDone,
  onClose,
}: RecordFormDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const original = record as Record<string, unknown> | undefined;
  const [start] = useState(() => initialValues(spec.fields, original));
  const [values, setValues] = useState<FormValues>(start);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateRecord(patientId, spec.kind);
  const update = useUpdateRecord(patientId, spec.kind);
  const mutation = record ? update : create;
  const kindName = t(`healthRecords.kinds.${spec.kind}.one`);
  const fieldFields = record
    ? spec.fields.filter((f) => f.type !== 'lines')
    : spec.fields.filter((f) => !(f.type === 'select' && f.editOnly));

  const set = (name: string, value: FormValues[string]) =>
    setValues((previous) => ({ ...previous, [name]: value }));
  const label = (field: FieldSpec) =>
    t(`healthRecords.fields.${field.name}`) +
    ('required' in field && !field.required ? ` ${t('healthRecords.form.optional')}` : '');
  const fieldId = (name: string) => `${formId}-${name}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: Record<string, string> = {};
    for (const name of missingFields(fieldFields, values)) {
      found[name] = t('healthRecords.form.required', { field: t(`healthRecords.fields.${name}`) });
    }
    if (record && !reason.trim()) found['reason'] = t('healthRecords.form.reasonMissing');
    const body = record
      ? changedFields(fieldFields, values, start)
      : createBody(fieldFields, values);
    if (record && Object.keys(found).length === 0 && Object.keys(body).length === 0) {
      found['reason'] = t('healthRecords.form.nothingChanged');
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    try {
      if (record) {
        await update.mutateAsync({
          id: record.id,
          body: { ...body, version: record.version, reason: reason.trim() },
        });
        onDone(t('healthRecords.form.corrected', { kind: kindName }));
      } else {
        await create.mutateAsync(body);
        onDone(t('healthRecords.form.added', { kind: kindName }));
      }
      onClose();
    } catch (failure) {
      if (isApiError(failure) && failure.fieldErrors.length) {
        const server: Record<string, string> = {};
        for (const { field, message } of failure.fieldErrors) {
          server[formFieldOf(field)] ??= message;
        }
        setErrors(server);
        const target = Object.keys(server)[0];
        if (target) document.getElementById(fieldId(target))?.focus();
      }
    }
  };

  const renderField = (field: FieldSpec) => {
    const id = fieldId(field.name);
    const error = errors[field.name];
    const value = values[field.name];
    switch (field.type) {
      case 'code':
        return (
          <CodeLookup
            key={field.name}
            id={id}
            label={label(field)}
            system={field.system}
            value={value as CodeEntry | null}
            onChange={(entry) => set(field.name, entry)}
            error={error}
            required
          />
        );
      case 'codes': {
        const chosen = value as CodeEntry[];
        return (
          <fieldset key={field.name} className="hr-fieldset">
            <legend>{t(`healthRecords.fields.${field.name}`)}</legend>
            {chosen.length ? (
              <ul>
                {chosen.map((entry) => (
                  <li key={entry.code}>
                    <span className="admin-mono">{entry.code}</span> {entry.display}{' '}
                    <Button
                      variant="quiet"
                      className="admin-compact-button"
                      onClick={() =>
                        set(
                          field.name,
                          chosen.filter((c) => c.code !== entry.code),
                        )
                      }
                    >
                      {t('healthRecords.form.remove', { name: entry.code })}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
            <CodeLookup
              // A fresh lookup after each pick, so the next search starts empty.
              key={chosen.length}
              id={id}
              label={t('healthRecords.form.addDiagnosis')}
              system={field.system}
              value={null}
              onChange={(entry) => {
                if (entry && !chosen.some((c) => c.code === entry.code)) {
                  set(field.name, [...chosen, entry]);
                }
              }}
              error={error}
            />
          </fieldset>
        );
      }
      case 'select':
        return (
          <SelectField
            key={field.name}
            id={id}
            name={field.name}
            label={label(field)}
            value={value as string}
            error={error}
            onChange={(event) => set(field.name, event.target.value)}
            options={[
              ...(field.required ? [] : [{ value: '', label: t('healthRecords.form.notSet') }]),
              // A new record cannot start out as a mistake.
              ...field.options
                .filter((option) => record || option !== 'entered-in-error')
                .map((option) => ({
                  value: option,
                  label: t(`healthRecords.values.${option}`),
                })),
            ]}
          />
        );
      case 'lines':
      case 'text':
        if (field.type === 'lines' || field.multiline) {
          return (
            <TextAreaField
              rows={3}
              key={field.name}
              id={id}
              name={field.name}
              label={
                field.type === 'lines' ? t(`healthRecords.fields.${field.name}`) : label(field)
              }
              hint={field.type === 'lines' ? t('healthRecords.form.oneALine') : undefined}
              value={value as string}
              error={error}
              onChange={(event) => set(field.name, event.target.value)}
            />
          );
        }
        return (
          <TextField
            key={field.name}
            id={id}
            name={field.name}
            label={label(field)}
            value={value as string}
            error={error}
            onChange={(event) => set(field.name, event.target.value)}
          />
        );
      default:
        return (
          <TextField
            key={field.name}
            id={id}
            name={field.name}
            type={field.type}
            label={label(field)}
            value={value as string}
            error={error}
            min={field.type === 'number' ? field.min : undefined}
            max={field.type === 'number' ? field.max : undefined}
            onChange={(event) => set(field.name, event.target.value)}
          />
        );
    }
  };

  const title = record
    ? t('healthRecords.form.correctTitle', { kind: kindName })
    : t('healthRecords.form.addTitle', { kind: kindName });

  return (
    <Dialog
      open
      title={title}
      description={
        <p>{record ? t('healthRecords.form.correctIntro') : t('healthRecords.form.addIntro')}</p>
      }
      onEscape={() => {
        if (!mutation.isPending) onClose();
      }}
      actions={
        <>
          <Button type="submit" form={formId} busy={mutation.isPending}>
            {mutation.isPending ? t('sections.saving') : t('healthRecords.form.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('sections.cancel')}
          </Button>
        </>
      }
    >
      {mutation.error && !(isApiError(mutation.error) && mutation.error.fieldErrors.length) ? (
        <ApiErrorAlert error={mutation.error} />
      ) : null}
      <form
        id={formId}
        className="hr-form"
        aria-label={title}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        {fieldFields.map(renderField)}
        {record ? (
          <TextAreaField
            rows={3}
            id={fieldId('reason')}
            name="reason"
            label={t('healthRecords.form.reason')}
            hint={t('healthRecords.form.reasonHint')}
            required
            value={reason}
            error={errors['reason']}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : null}
      </form>
    </Dialog>
  );
}
