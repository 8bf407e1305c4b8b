import { Button, TextField, VisuallyHidden } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../../../components/ActionMessage';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { $api } from '../../../lib/api';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { useRoutingChange, type CarePool, type MessageRouting } from '../api/clinic-settings';
import '../clinic-settings.css';

/** What a category not routed yet starts with: the API's own default answer time. */
const SUGGESTED_DAYS = 2;

type Field = 'poolId' | 'answerWithinBusinessDays';
const FIELDS: readonly Field[] = ['poolId', 'answerWithinBusinessDays'];

export interface RoutingRowProps {
  routing: MessageRouting;
  pools: readonly CarePool[];
}

/**
 * One message category: the pool that reads it and the answer time patients are promised,
 * saved on its own; the confirmation takes focus and says what patients now see.
 */
export function RoutingRow({ routing, pools }: RoutingRowProps) {
  const { t } = useTranslation();
  const { category, pool } = routing;
  const fieldId = (field: Field) => `routing-${category}-${field}`;
  const headingId = `routing-${category}-heading`;
  const categoryName = t(`clinicSettings.routing.categories.${category}`);
  const [poolId, setPoolId] = useState(pool?.id ?? '');
  const [days, setDays] = useState(String(routing.answerWithinBusinessDays ?? SUGGESTED_DAYS));
  const [saved, setSaved] = useState<{ key: number; text: string } | null>(null);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { errors } = problems;
  const save = $api.useMutation('put', '/api/v1/message-routing/{category}', useRoutingChange());

  // Inactive pools take no new messages; the current one stays listed so the row reads true.
  const choices = pools.filter((item) => item.active || item.id === pool?.id);

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!poolId) hints.poolId = t('clinicSettings.routing.errors.pool');
        const count = Number(days);
        if (!Number.isInteger(count) || count < 1 || count > 10) {
          hints.answerWithinBusinessDays = t('clinicSettings.routing.errors.days');
        }
        return hints;
      },
      async () => {
        setSaved(null);
        const answer = await save.mutateAsync({
          params: { path: { category } },
          body: { poolId, answerWithinBusinessDays: Number(days) },
        });
        const now = answer.items.find((item) => item.category === category);
        setSaved((previous) => ({
          key: (previous?.key ?? 0) + 1,
          text: t('clinicSettings.routing.saved', {
            category: categoryName,
            pool: now?.pool?.name ?? '',
            count: now?.answerWithinBusinessDays ?? Number(days),
          }),
        }));
      },
    );

  let current = t('clinicSettings.routing.notRouted');
  if (pool && !pool.active) current = t('clinicSettings.routing.inactivePool', { pool: pool.name });
  else if (pool) {
    current = t('clinicSettings.routing.current', {
      pool: pool.name,
      count: routing.answerWithinBusinessDays ?? SUGGESTED_DAYS,
    });
  }

  return (
    <li className="admin-fieldset admin-routing-row">
      <h3 id={headingId}>{categoryName}</h3>
      <p>{current}</p>
      {saved ? <ActionMessage focusKey={saved.key}>{saved.text}</ActionMessage> : null}
      <FormProblems {...problems} />
      <form noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
        <div className="admin-routing-fields">
          <SelectField
            id={fieldId('poolId')}
            name="poolId"
            label={t('clinicSettings.routing.fields.pool')}
            value={poolId}
            error={errors.poolId}
            options={[
              ...(poolId === ''
                ? [{ value: '', label: t('clinicSettings.routing.choosePool') }]
                : []),
              ...choices.map((item) => ({
                value: item.id,
                label: item.active
                  ? item.name
                  : t('clinicSettings.inactiveName', { name: item.name }),
              })),
            ]}
            onChange={(event) => setPoolId(event.target.value)}
          />
          <TextField
            id={fieldId('answerWithinBusinessDays')}
            name="answerWithinBusinessDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            step={1}
            label={t('clinicSettings.routing.fields.days')}
            value={days}
            error={errors.answerWithinBusinessDays}
            onChange={(event) => setDays(event.target.value)}
          />
          <div className="ui-actions">
            <Button type="submit" busy={form.busy}>
              {form.busy ? t('sections.saving') : t('clinicSettings.routing.save')}
              <VisuallyHidden> {categoryName}</VisuallyHidden>
            </Button>
          </div>
        </div>
      </form>
    </li>
  );
}
