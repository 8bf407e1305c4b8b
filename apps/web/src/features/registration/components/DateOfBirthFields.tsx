import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { DatePart, DateParts } from '../utils/date-of-birth';

export interface DateOfBirthFieldsProps {
  /** Ids of the three inputs, for the error summary to link to. */
  ids: Record<DatePart, string>;
  /** Box order for the reader's locale (see datePartOrder). */
  order: readonly DatePart[];
  value: DateParts;
  onChange: (value: DateParts) => void;
  /** The example in the hint, in box order ("3 27 1968"). */
  example: string;
  error?: string;
  /** The boxes the error is about; they are marked invalid. */
  invalidParts?: readonly DatePart[];
}

const MAX_LENGTH: Record<DatePart, number> = { day: 2, month: 2, year: 4 };

/**
 * Date of birth as three labelled number boxes in one group: the number keypad on phones,
 * autofill from the browser (bday-*), the format said in the hint, and the hint and any error
 * read with every box.
 */
export function DateOfBirthFields({
  ids,
  order,
  value,
  onChange,
  example,
  error,
  invalidParts = [],
}: DateOfBirthFieldsProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const groupId = `${ids.day}-group`;
  const hintId = `${groupId}-hint`;
  const errorId = `${groupId}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const labels: Record<DatePart, string> = {
    day: t('registration.dob.day'),
    month: t('registration.dob.month'),
    year: t('registration.dob.year'),
  };
  const hintOrder = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    order.map((part) => labels[part].toLowerCase()),
  );

  return (
    <div className={error ? 'ui-field ui-field--invalid' : 'ui-field'}>
      <fieldset className="dob" id={groupId}>
        <legend className="ui-field__label">{t('registration.dob.legend')}</legend>
        <p className="ui-field__hint" id={hintId}>
          {t('registration.dob.hint', { order: hintOrder, example })}
        </p>
        {error ? (
          <p className="ui-field__error" id={errorId}>
            {error}
          </p>
        ) : null}
        <div className="dob__parts">
          {order.map((part) => (
            <div key={part} className={`dob__part dob__part--${part}`}>
              <label className="dob__label" htmlFor={ids[part]}>
                {labels[part]}
              </label>
              <input
                id={ids[part]}
                name={`dob-${part}`}
                className="ui-input"
                type="text"
                inputMode="numeric"
                autoComplete={`bday-${part}`}
                maxLength={MAX_LENGTH[part]}
                value={value[part]}
                onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                aria-describedby={describedBy}
                aria-invalid={invalidParts.includes(part) || undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
