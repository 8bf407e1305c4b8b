import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { formatCalendarDate } from '../../../lib/calendar-date';
import type { Medication } from '../api';
import { medicationName } from './status';

/** One medicine with how to take it and its prescription's facts; `children` its actions. */
export function MedicationCard({
  medication,
  headingId,
  children,
}: {
  medication: Medication;
  headingId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const howToTake = [medication.dose, medication.frequency].filter(Boolean).join(', ');
  const facts: [string, string | null][] = [
    [t('medications.fields.howToTake'), howToTake || null],
    [t('medications.fields.instructions'), medication.instructions],
    [t('medications.fields.prescriber'), medication.prescriber],
    [
      t('medications.fields.refillsRemaining'),
      medication.refillsRemaining === null ? null : String(medication.refillsRemaining),
    ],
    [
      t('medications.fields.lastFilled'),
      medication.lastFilledOn && formatCalendarDate(medication.lastFilledOn, locale),
    ],
    [t('medications.fields.pharmacy'), medication.pharmacy],
    [
      t('medications.fields.ended'),
      medication.endDate && formatCalendarDate(medication.endDate, locale),
    ],
  ];
  return (
    <li className="ui-card">
      <h3 id={headingId} className="medications-card__title">
        {medicationName(medication)}
      </h3>
      {medication.plainName ? <p>{medication.display}</p> : null}
      <dl className="ui-details">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
      {children}
    </li>
  );
}
