import { isApiError } from '@portal/api-client';
import { Button, Dialog, TextField } from '@portal/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { $api } from '../../../lib/api';
import { useResultsChange } from '../api/results';
import { useCodeSearch } from '../api/search-codes';
import type { Observation } from '../api/types';
import { unitWords } from '../utils/words';
import { TextAreaField } from '../../../components/TextAreaField';

const FIELDS = ['valueQuantity', 'unit', 'reason'] as const;
type Field = (typeof FIELDS)[number];

export interface CorrectObservationDialogProps {
  patientId: string;
  reportId: string;
  observation: Observation;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** Corrects one value (the reason is required); the API flags the result as corrected. */
export function CorrectObservationDialog({
  patientId,
  reportId,
  observation,
  onDone,
  onClose,
}: CorrectObservationDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const update = $api.useMutation(
    'patch',
    '/api/v1/patients/{patientId}/results/{reportId}/observations/{observationId}',
    useResultsChange({ history: true }),
  );
  const lookup = useCodeSearch('loinc', observation.code, 1);
  const entry = lookup.data?.items.find((item) => item.code === observation.code);
  const units = entry?.units?.length ? entry.units : observation.unit ? [observation.unit] : [];
  const [value, setValue] = useState(String(observation.valueQuantity ?? ''));
  const [unit, setUnit] = useState(observation.unit ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const id = (field: Field) => `${formId}-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const found: Partial<Record<Field, string>> = {};
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) {
      found.valueQuantity = t('healthRecords.results.valueMissing');
    }
    if (!reason.trim()) found.reason = t('healthRecords.form.reasonMissing');
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    try {
      const saved = await update.mutateAsync({
        params: { path: { patientId, reportId, observationId: observation.id } },
        body: {
          version: observation.version,
          reason: reason.trim(),
          ...(number !== observation.valueQuantity ? { valueQuantity: number } : {}),
          ...(unit !== (observation.unit ?? '') ? { unit } : {}),
        },
      });
      onDone(
        t('healthRecords.results.correctedDone', {
          name: saved.display,
          value: `${saved.valueQuantity ?? saved.valueText ?? ''} ${unitWords(saved.unit)}`.trim(),
          flag: saved.interpretation
            ? t(`healthRecords.flags.${saved.interpretation}`)
            : t('healthRecords.flags.none'),
        }),
      );
      onClose();
    } catch (failure) {
      if (isApiError(failure) && failure.fieldErrors.length) {
        const server: Partial<Record<Field, string>> = {};
        for (const { field, message } of failure.fieldErrors) {
          const name = FIELDS.find((f) => f === field);
          if (name) server[name] ??= message;
        }
        setErrors(server);
      }
    }
  };

  return (
    <Dialog
      open
      title={t('healthRecords.results.correctTitle', { name: observation.display })}
      description={<p>{t('healthRecords.form.correctIntro')}</p>}
      onEscape={() => {
        if (!update.isPending) onClose();
      }}
      actions={
        <>
          <Button type="submit" form={formId} busy={update.isPending}>
            {update.isPending ? t('sections.saving') : t('healthRecords.form.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('sections.cancel')}
          </Button>
        </>
      }
    >
      {update.error && !(isApiError(update.error) && update.error.fieldErrors.length) ? (
        <ApiErrorAlert error={update.error} />
      ) : null}
      <form id={formId} className="hr-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="hr-grid">
          <TextField
            id={id('valueQuantity')}
            name="valueQuantity"
            label={t('healthRecords.results.value')}
            inputMode="decimal"
            value={value}
            error={errors.valueQuantity}
            onChange={(event) => setValue(event.target.value)}
          />
          <SelectField
            id={id('unit')}
            name="unit"
            label={t('healthRecords.results.unit')}
            value={unit}
            error={errors.unit}
            onChange={(event) => setUnit(event.target.value)}
            options={units.map((u) => ({ value: u, label: unitWords(u) }))}
          />
        </div>
        <TextAreaField
          rows={3}
          id={id('reason')}
          name="reason"
          label={t('healthRecords.form.reason')}
          hint={t('healthRecords.form.reasonHint')}
          required
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </form>
    </Dialog>
  );
}
