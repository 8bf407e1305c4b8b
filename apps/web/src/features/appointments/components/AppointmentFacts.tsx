import { formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { Appointment } from '../api';

export type AppointmentFactsSource = Pick<
  Appointment,
  'startsAt' | 'provider' | 'visitType' | 'location'
>;

export interface AppointmentFactsProps {
  appointment: AppointmentFactsSource;
  /** Leave out "When" where a heading already says it. */
  showWhen?: boolean;
}

/** When, with whom, what kind of visit and where: the lines that tell one visit from another. */
export function AppointmentFacts({ appointment, showWhen = true }: AppointmentFactsProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { startsAt, provider, visitType, location } = appointment;
  return (
    <dl className="ui-details">
      {showWhen ? (
        <>
          <dt>{t('appointments.fields.when')}</dt>
          <dd>
            <time dateTime={startsAt}>{formatDateTime(startsAt, location.timeZone, locale)}</time>
          </dd>
        </>
      ) : null}
      <dt>{t('appointments.fields.with')}</dt>
      <dd>
        {provider.displayName}
        {provider.specialty ? `, ${provider.specialty}` : ''}
      </dd>
      <dt>{t('appointments.fields.visit')}</dt>
      <dd>
        {visitType.name} ({t('appointments.fields.minutes', { count: visitType.durationMinutes })})
      </dd>
      <dt>{t('appointments.fields.where')}</dt>
      <dd>{location.name}</dd>
    </dl>
  );
}
