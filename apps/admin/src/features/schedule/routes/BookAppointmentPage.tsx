import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { flashState } from '../../../lib/flash';
import { useFormatLocale } from '../../../lib/i18n';
import { SCHEDULE_PATH } from '../../../lib/paths';
import { BookingForm } from '../components/BookingForm';
import '../schedule.css';
import { formatWhen } from '../utils/format';
import { scheduleSearch } from '../utils/schedule-params';
import { isDate, isTime, zonedDate } from '@portal/ui';

/**
 * Book an appointment from the schedule: the provider, location and day the schedule showed
 * are the starting point; after booking, the schedule opens on the booked day and says so.
 */
export function BookAppointmentPage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const providerId = params.get('provider') ?? undefined;
  const locationId = params.get('location') ?? undefined;
  const dateParam = params.get('date');
  const date = dateParam && isDate(dateParam) ? dateParam : undefined;
  const timeParam = params.get('time');
  const time = date && timeParam && isTime(timeParam) ? timeParam : undefined;
  // From a cell of a location's day grid (a time was asked for): back to that grid.
  const back = {
    pathname: SCHEDULE_PATH,
    search:
      time && locationId && date
        ? scheduleSearch({
            subject: { kind: 'location', id: locationId },
            view: 'day',
            date,
            includeCancelled: false,
          })
        : params.toString(),
  };

  return (
    <Page title={t('schedule.book.title')}>
      <p>{t('schedule.book.intro')}</p>
      <BookingForm
        idPrefix="book"
        label={t('schedule.book.title')}
        initialProviderId={providerId}
        initialLocationId={locationId}
        initialDate={date}
        initialTime={time}
        cancel={<Link to={back}>{t('sections.cancel')}</Link>}
        onBooked={async (appointment, name) => {
          const zone = appointment.location.timeZone;
          const subject = locationId
            ? { kind: 'location' as const, id: locationId }
            : { kind: 'provider' as const, id: appointment.provider.id };
          await navigate(
            {
              pathname: SCHEDULE_PATH,
              search: scheduleSearch({
                subject,
                view: params.get('view') === 'week' ? 'week' : 'day',
                date: zonedDate(appointment.startsAt, zone),
                includeCancelled: false,
              }),
            },
            {
              flushSync: true,
              state: flashState(
                t('schedule.book.done', {
                  name,
                  when: formatWhen(appointment.startsAt, zone, locale),
                  provider: appointment.provider.displayName,
                  location: appointment.location.name,
                }),
              ),
            },
          );
        }}
      />
    </Page>
  );
}
