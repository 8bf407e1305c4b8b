import { formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { Appointment } from '../api';
import { addressLines } from '../utils/contact';

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
      <ProviderFact provider={provider} />
      <dt>{t('appointments.fields.visit')}</dt>
      <dd>
        {visitType.name} ({t('appointments.fields.minutes', { count: visitType.durationMinutes })})
      </dd>
      <dt>{t('appointments.fields.where')}</dt>
      <dd>{location.name}</dd>
    </dl>
  );
}

/** "With": the provider and their specialty, as a term and its description in a <dl>. */
export function ProviderFact({ provider }: { provider: AppointmentFactsSource['provider'] }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('appointments.fields.with')}</dt>
      <dd>
        {provider.displayName}
        {provider.specialty ? `, ${provider.specialty}` : ''}
      </dd>
    </>
  );
}

/** "Where", with the street address: what a patient needs to get there. */
export function PlaceFact({
  location,
}: {
  location: Pick<AppointmentFactsSource['location'], 'name'> & {
    address: Parameters<typeof addressLines>[0];
  };
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <>
      <dt>{t('appointments.fields.where')}</dt>
      <dd>
        {location.name}
        <address className="appointments-address">
          {addressLines(location.address, locale).map((line) => (
            <span key={line}>{line}</span>
          ))}
        </address>
      </dd>
    </>
  );
}
