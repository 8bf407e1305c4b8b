import { FieldShell } from '@portal/ui';
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
  const countId = `${id}-count`;
  const count = [...value].length;
  return (
    <FieldShell {...{ id, label, hint, error }} aria-describedby={countId}>
      {(control) => (
        <>
          <textarea
            {...control}
            className="ui-input appointments-textarea"
            rows={rows}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <p
            id={countId}
            className={
              count > max ? 'appointments-count appointments-count--over' : 'appointments-count'
            }
          >
            {t('appointments.reason.count', { count, max })}
          </p>
        </>
      )}
    </FieldShell>
  );
}
