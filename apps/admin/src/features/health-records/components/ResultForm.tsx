import { isApiError } from '@portal/api-client';
import { Button, TextField } from '@portal/ui';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { $api } from '../../../lib/api';
import { useResultsChange } from '../api/results';
import type { CodeEntry, CreateResultBody, Report } from '../api/types';
import { localInputToIso, nowForInput, unitWords } from '../utils/words';
import { CodeLookup } from './CodeLookup';

interface Row {
  key: number;
  code: CodeEntry | null;
  value: string;
  unit: string;
  low: string;
  high: string;
}

const CATEGORIES = ['laboratory', 'imaging', 'other'] as const;

function emptyRow(key: number): Row {
  return { key, code: null, value: '', unit: '', low: '', high: '' };
}

function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** `observations[2].unit` → `observations.2.unit`, the form's own field key. */
function fieldKey(serverField: string): string {
  return serverField.replace(/\[(\d+)\]/g, '.$1');
}

export interface ResultFormProps {
  patientId: string;
  onSaved: (report: Report) => void;
  cancel: ReactNode;
}

/**
 * Enters a result: what was tested and when, and one row per value with its LOINC code, value
 * and unit (only the units the code allows). The API works out the flags from the range and
 * holds or releases the report as the clinic's policy says.
 */
export function ResultForm({ patientId, onSaved, cancel }: ResultFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const create = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/results',
    useResultsChange(),
  );
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('laboratory');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<'final' | 'preliminary'>('final');
  const [collected, setCollected] = useState(() => nowForInput());
  const [rows, setRows] = useState<Row[]>([emptyRow(0)]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (key: string) => `${formId}-${key}`;

  const change = (index: number, patch: Partial<Row>) =>
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found: Record<string, string> = {};
    if (!title.trim()) found['title'] = t('healthRecords.results.titleMissing');
    const effectiveAt = localInputToIso(collected);
    if (!effectiveAt) found['effectiveAt'] = t('healthRecords.results.timeMissing');
    rows.forEach((row, index) => {
      if (!row.code) found[`observations.${index}.code`] = t('healthRecords.results.codeMissing');
      if (row.value.trim() === '' || !Number.isFinite(Number(row.value))) {
        found[`observations.${index}.valueQuantity`] = t('healthRecords.results.valueMissing');
      }
    });
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first || !effectiveAt) {
      if (first) document.getElementById(id(first))?.focus();
      return;
    }
    const body: CreateResultBody = {
      category,
      title: title.trim(),
      status,
      effectiveAt,
      observations: rows.map((row) => ({
        code: row.code?.code ?? '',
        valueQuantity: Number(row.value),
        ...(row.unit ? { unit: row.unit } : {}),
        ...(optionalNumber(row.low) !== undefined ? { referenceLow: optionalNumber(row.low) } : {}),
        ...(optionalNumber(row.high) !== undefined
          ? { referenceHigh: optionalNumber(row.high) }
          : {}),
        status,
      })),
    };
    try {
      onSaved(await create.mutateAsync({ params: { path: { patientId } }, body }));
    } catch (failure) {
      if (isApiError(failure) && failure.fieldErrors.length) {
        const server: Record<string, string> = {};
        for (const { field, message } of failure.fieldErrors) server[fieldKey(field)] ??= message;
        setErrors(server);
        const target = Object.keys(server).find((key) => document.getElementById(id(key)));
        if (target) document.getElementById(id(target))?.focus();
      }
    }
  };

  const unmatched =
    create.error &&
    !(
      isApiError(create.error) &&
      create.error.fieldErrors.length &&
      create.error.fieldErrors.every((e) => document.getElementById(id(fieldKey(e.field))))
    );

  return (
    <form
      className="hr-form"
      aria-label={t('healthRecords.results.enter')}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {unmatched ? <ApiErrorAlert error={create.error} /> : null}
      <div className="hr-grid">
        <SelectField
          id={id('category')}
          name="category"
          label={t('healthRecords.results.category')}
          value={category}
          onChange={(event) => setCategory(event.target.value as (typeof CATEGORIES)[number])}
          options={CATEGORIES.map((value) => ({
            value,
            label: t(`healthRecords.values.${value}`),
          }))}
        />
        <TextField
          id={id('title')}
          name="title"
          label={t('healthRecords.results.title')}
          value={title}
          error={errors['title']}
          onChange={(event) => setTitle(event.target.value)}
        />
        <TextField
          id={id('effectiveAt')}
          name="effectiveAt"
          type="datetime-local"
          label={t('healthRecords.results.collected')}
          value={collected}
          error={errors['effectiveAt']}
          onChange={(event) => setCollected(event.target.value)}
        />
        <SelectField
          id={id('status')}
          name="status"
          label={t('healthRecords.columns.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as 'final' | 'preliminary')}
          options={(['final', 'preliminary'] as const).map((value) => ({
            value,
            label: t(`healthRecords.values.${value}`),
          }))}
        />
      </div>
      <ol className="hr-rows" aria-label={t('healthRecords.results.rows')}>
        {rows.map((row, index) => {
          const key = (field: string) => `observations.${index}.${field}`;
          const units = row.code?.units ?? (row.code?.unit ? [row.code.unit] : []);
          const n = index + 1;
          return (
            <li key={row.key} className="hr-row">
              <fieldset className="hr-fieldset">
                <legend>{t('healthRecords.results.row', { n })}</legend>
                <CodeLookup
                  id={id(key('code'))}
                  label={t('healthRecords.results.test')}
                  system="loinc"
                  value={row.code}
                  required
                  error={errors[key('code')]}
                  onChange={(entry) =>
                    change(index, {
                      code: entry,
                      unit: entry?.unit ?? entry?.units?.[0] ?? '',
                      low: entry?.referenceLow != null ? String(entry.referenceLow) : '',
                      high: entry?.referenceHigh != null ? String(entry.referenceHigh) : '',
                    })
                  }
                />
                <div className="hr-grid">
                  <TextField
                    id={id(key('valueQuantity'))}
                    name={key('valueQuantity')}
                    label={t('healthRecords.results.value')}
                    inputMode="decimal"
                    value={row.value}
                    error={errors[key('valueQuantity')]}
                    onChange={(event) => change(index, { value: event.target.value })}
                  />
                  <SelectField
                    id={id(key('unit'))}
                    name={key('unit')}
                    label={t('healthRecords.results.unit')}
                    value={row.unit}
                    disabled={units.length === 0}
                    error={errors[key('unit')]}
                    onChange={(event) => change(index, { unit: event.target.value })}
                    options={
                      units.length
                        ? units.map((u) => ({ value: u, label: unitWords(u) }))
                        : [{ value: '', label: t('healthRecords.results.pickTestFirst') }]
                    }
                  />
                  <TextField
                    id={id(key('referenceLow'))}
                    name={key('referenceLow')}
                    label={`${t('healthRecords.results.low')} ${t('healthRecords.form.optional')}`}
                    inputMode="decimal"
                    value={row.low}
                    error={errors[key('referenceLow')]}
                    onChange={(event) => change(index, { low: event.target.value })}
                  />
                  <TextField
                    id={id(key('referenceHigh'))}
                    name={key('referenceHigh')}
                    label={`${t('healthRecords.results.high')} ${t('healthRecords.form.optional')}`}
                    inputMode="decimal"
                    value={row.high}
                    error={errors[key('referenceHigh')]}
                    onChange={(event) => change(index, { high: event.target.value })}
                  />
                </div>
                {rows.length > 1 ? (
                  <Button
                    variant="quiet"
                    onClick={() => setRows((previous) => previous.filter((_, i) => i !== index))}
                  >
                    {t('healthRecords.results.removeRow', { n })}
                  </Button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="ui-actions">
        <Button
          variant="secondary"
          onClick={() =>
            setRows((previous) => [...previous, emptyRow((previous.at(-1)?.key ?? 0) + 1)])
          }
        >
          {t('healthRecords.results.addRow')}
        </Button>
      </div>
      <div className="ui-actions">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? t('sections.saving') : t('healthRecords.results.save')}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
