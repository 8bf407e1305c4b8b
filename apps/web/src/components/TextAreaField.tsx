import { FieldShell, formatNumber } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../lib/i18n';

export interface TextAreaFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string;
  rows?: number;
  /** Read with the field too (a notice about what was written). */
  'aria-describedby'?: string;
}

/**
 * A labelled text area with a running count ("120 of 1000 characters"). Longer text is not cut
 * off silently (no maxLength, which would drop pasted words): it is refused with a message.
 */
export function TextAreaField({
  id,
  label,
  hint,
  value,
  onChange,
  max,
  error,
  rows = 5,
  'aria-describedby': describedBy,
}: TextAreaFieldProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const countId = `${id}-count`;
  const count = [...value].length;
  return (
    <FieldShell
      {...{ id, label, hint, error }}
      aria-describedby={describedBy ? `${countId} ${describedBy}` : countId}
    >
      {(control) => (
        <>
          <textarea
            {...control}
            className="ui-input text-area"
            rows={rows}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <p
            id={countId}
            className={count > max ? 'text-area__count text-area__count--over' : 'text-area__count'}
          >
            {t('common.characterCount', {
              count: formatNumber(count, locale),
              max: formatNumber(max, locale),
            })}
          </p>
        </>
      )}
    </FieldShell>
  );
}
