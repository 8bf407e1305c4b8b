import { isApiError } from '@portal/api-client';
import { Button, TextField } from '@portal/ui';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { $api } from '../../../lib/api';
import { useVitalsChange } from '../api/results';
import { localInputToIso, nowForInput, unitWords } from '../utils/words';

/** The vital signs taken at a visit: LOINC code and the UCUM units it may be given in. */
const VITALS = [
  { name: 'systolic', code: '8480-6', units: ['mm[Hg]'] },
  { name: 'diastolic', code: '8462-4', units: ['mm[Hg]'] },
  { name: 'heartRate', code: '8867-4', units: ['/min'] },
  { name: 'weight', code: '29463-7', units: ['kg', '[lb_av]'] },
  { name: 'height', code: '8302-2', units: ['cm', '[in_i]'] },
  { name: 'temperature', code: '8310-5', units: ['Cel', '[degF]'] },
] as const;

type VitalName = (typeof VITALS)[number]['name'];

export interface VitalsFormProps {
  patientId: string;
  onSaved: (count: number) => void;
  cancel: ReactNode;
}

/** Enters the measurements taken now; only the filled ones are sent, released at once. */
export function VitalsForm({ patientId, onSaved, cancel }: VitalsFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const create = $api.useMutation('post', '/api/v1/patients/{patientId}/vitals', useVitalsChange());
  const [takenAt, setTakenAt] = useState(() => nowForInput());
  const [values, setValues] = useState<Record<VitalName, string>>({
    systolic: '',
    diastolic: '',
    heartRate: '',
    weight: '',
    height: '',
    temperature: '',
  });
  const [units, setUnits] = useState<Record<VitalName, string>>(
    () => Object.fromEntries(VITALS.map((v) => [v.name, v.units[0]])) as Record<VitalName, string>,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (name: string) => `${formId}-${name}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found: Record<string, string> = {};
    const effectiveAt = localInputToIso(takenAt);
    if (!effectiveAt) found['effectiveAt'] = t('healthRecords.results.timeMissing');
    const filled = VITALS.filter((vital) => values[vital.name].trim() !== '');
    for (const vital of filled) {
      if (!Number.isFinite(Number(values[vital.name]))) {
        found[vital.name] = t('healthRecords.results.valueMissing');
      }
    }
    if (filled.length === 0) found[VITALS[0].name] = t('healthRecords.vitals.noneFilled');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first || !effectiveAt) {
      if (first) document.getElementById(id(first))?.focus();
      return;
    }
    try {
      const saved = await create.mutateAsync({
        params: { path: { patientId } },
        body: {
          effectiveAt,
          observations: filled.map((vital) => ({
            code: vital.code,
            valueQuantity: Number(values[vital.name]),
            unit: units[vital.name],
          })),
        },
      });
      onSaved(saved.items.length);
    } catch (failure) {
      if (isApiError(failure) && failure.fieldErrors.length) {
        // `observations[1].unit` names the second filled measurement.
        const server: Record<string, string> = {};
        for (const { field, message } of failure.fieldErrors) {
          const index = /^observations\[(\d+)\]/.exec(field)?.[1];
          const vital = index !== undefined ? filled[Number(index)] : undefined;
          server[vital ? vital.name : 'effectiveAt'] ??= message;
        }
        setErrors(server);
      }
    }
  };

  return (
    <form
      className="hr-form"
      aria-label={t('healthRecords.vitals.enter')}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {create.error && !(isApiError(create.error) && create.error.fieldErrors.length) ? (
        <ApiErrorAlert error={create.error} />
      ) : null}
      <TextField
        id={id('effectiveAt')}
        name="effectiveAt"
        type="datetime-local"
        label={t('healthRecords.vitals.takenAt')}
        value={takenAt}
        error={errors['effectiveAt']}
        onChange={(event) => setTakenAt(event.target.value)}
      />
      <div className="hr-grid">
        {VITALS.map((vital) => (
          <div key={vital.name}>
            <TextField
              id={id(vital.name)}
              name={vital.name}
              label={
                vital.units.length === 1
                  ? `${t(`healthRecords.vitals.${vital.name}`)} (${unitWords(vital.units[0])})`
                  : t(`healthRecords.vitals.${vital.name}`)
              }
              inputMode="decimal"
              value={values[vital.name]}
              error={errors[vital.name]}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, [vital.name]: event.target.value }))
              }
            />
            {vital.units.length > 1 ? (
              <SelectField
                id={id(`${vital.name}-unit`)}
                name={`${vital.name}-unit`}
                label={t('healthRecords.vitals.unitOf', {
                  name: t(`healthRecords.vitals.${vital.name}`),
                })}
                value={units[vital.name]}
                onChange={(event) =>
                  setUnits((previous) => ({ ...previous, [vital.name]: event.target.value }))
                }
                options={vital.units.map((u) => ({ value: u, label: unitWords(u) }))}
              />
            ) : null}
          </div>
        ))}
      </div>
      <div className="ui-actions">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? t('sections.saving') : t('healthRecords.vitals.save')}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
