import { useTranslation } from 'react-i18next';

export interface ReasonFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string;
  rows?: number;
}

/**
 * A labelled text area with a running count ("120 of 1000 characters"). Longer text is not cut
 * off silently (no maxLength, which would drop pasted words): it is refused with a message.
 */
export function ReasonField({
  id,
  label,
  hint,
  value,
  onChange,
  max,
  error,
  rows = 5,
}: ReasonFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const countId = `${id}-count`;
  const errorId = error ? `${id}-error` : undefined;
  const count = [...value].length;
  return (
    <div className={error ? 'ui-field ui-field--invalid' : 'ui-field'}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className="ui-input appointments-textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={[hintId, errorId, countId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
      />
      <p
        id={countId}
        className={
          count > max ? 'appointments-count appointments-count--over' : 'appointments-count'
        }
      >
        {t('appointments.reason.count', { count, max })}
      </p>
    </div>
  );
}
