import { Alert, Button, ErrorSummary } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitTypes } from '../api';
import { QueryPending } from '../../../components/QueryState';

const VISIT_TYPE_SKELETONS = [{ height: '4rem' }, { height: '4rem' }, { height: '4rem' }];

export interface VisitTypeStepProps {
  onChoose: (visitTypeId: string) => void;
}

function choiceId(visitTypeId: string): string {
  return `visit-type-${visitTypeId}`;
}

/** Step 1: the kinds of visit the API says can be booked online, one to choose. */
export function VisitTypeStep({ onChoose }: VisitTypeStepProps) {
  const { t } = useTranslation();
  const visitTypes = useVisitTypes();
  const [selected, setSelected] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (!visitTypes.data) {
    return (
      <QueryPending
        query={visitTypes}
        copy="appointments.picker"
        loadingLabel={t('appointments.book.visitType.loading')}
        skeletons={VISIT_TYPE_SKELETONS}
      />
    );
  }

  const types = visitTypes.data;
  if (types.length === 0) {
    return (
      <Alert tone="info" announce={false}>
        <p>{t('appointments.book.visitType.none')}</p>
      </Alert>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    if (!types.some((type) => type.id === selected)) {
      setError(t('appointments.book.visitType.required'));
      return;
    }
    setError(null);
    onChoose(selected);
  };

  const firstId = choiceId(types[0]?.id ?? '');
  return (
    <form noValidate aria-label={t('appointments.book.visitType.formLabel')} onSubmit={submit}>
      {error ? (
        <ErrorSummary
          title={t('common.errors.summaryTitle')}
          errors={[{ message: error, targetId: firstId }]}
          focusKey={attempt}
        />
      ) : null}
      <div className={error ? 'ui-field ui-field--invalid' : 'ui-field'}>
        <fieldset
          className="appointments-fieldset"
          aria-describedby={error ? 'visit-type-error' : undefined}
        >
          <legend className="ui-field__label">{t('appointments.book.visitType.legend')}</legend>
          {error ? (
            <p className="ui-field__error" id="visit-type-error">
              {error}
            </p>
          ) : null}
          {types.map((type) => (
            <div key={type.id} className="appointments-choice">
              <input
                type="radio"
                id={choiceId(type.id)}
                name="visitTypeId"
                value={type.id}
                checked={selected === type.id}
                onChange={() => setSelected(type.id)}
                aria-describedby={type.description ? `${choiceId(type.id)}-about` : undefined}
              />
              <label htmlFor={choiceId(type.id)}>
                <span className="appointments-choice__name">{type.name}</span>{' '}
                <span className="appointments-choice__meta">
                  ({t('appointments.fields.minutes', { count: type.durationMinutes })})
                </span>
              </label>
              {type.description ? (
                <p className="appointments-choice__about" id={`${choiceId(type.id)}-about`}>
                  {type.description}
                </p>
              ) : null}
            </div>
          ))}
        </fieldset>
      </div>
      <p>{t('appointments.book.visitType.help')}</p>
      <Button type="submit">{t('appointments.book.visitType.continue')}</Button>
    </form>
  );
}
