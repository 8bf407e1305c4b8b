import { Alert, formatDateTime, LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { appointmentPath, APPOINTMENTS_PATH, BOOK_APPOINTMENT_PATH } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';

const TITLE_ID = 'home-next-appointment';

/** The soonest visit, written out in its location's time zone, or how to book one. */
export function NextAppointmentCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  // Under the patient's appointments, so booking, moving or cancelling one refreshes it.
  const next = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/appointments',
    { params: { path: { patientId }, query: { when: 'upcoming', limit: 1 } } },
    { select: (page) => page.items[0] ?? null },
  );

  return (
    <section className="ui-card" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{t('home.next.title')}</h2>
      {next.data ? (
        <>
          <p>
            <strong>
              <time dateTime={next.data.startsAt}>
                {formatDateTime(next.data.startsAt, next.data.location.timeZone, locale)}
              </time>
            </strong>
          </p>
          <dl className="ui-details">
            <dt>{t('home.next.with')}</dt>
            <dd>{next.data.provider.displayName}</dd>
            <dt>{t('home.next.where')}</dt>
            <dd>{next.data.location.name}</dd>
          </dl>
          <ul className="ui-link-list">
            <li>
              <Link to={appointmentPath(next.data.id)}>{t('home.next.details')}</Link>
            </li>
            <li>
              <Link to={APPOINTMENTS_PATH}>{t('home.next.all')}</Link>
            </li>
          </ul>
        </>
      ) : next.data === null ? (
        <p>
          {t('home.next.none')} <Link to={BOOK_APPOINTMENT_PATH}>{t('home.next.findTime')}</Link>
        </p>
      ) : next.isError ? (
        <Alert tone="error" announce={false}>
          <p>{t('home.next.failed')}</p>
          <p>
            <Link to={APPOINTMENTS_PATH}>{t('home.next.all')}</Link>
          </p>
        </Alert>
      ) : (
        <LoadingState label={t('home.next.loading')}>
          {/* The loaded card's own lines, each a placeholder, so the card keeps its height. */}
          <div aria-hidden="true">
            <p>
              <strong>
                <Skeleton className="app-skeleton-text" width="16rem" />
              </strong>
            </p>
            <dl className="ui-details">
              <dt>{t('home.next.with')}</dt>
              <dd>
                <Skeleton className="app-skeleton-text" width="10rem" />
              </dd>
              <dt>{t('home.next.where')}</dt>
              <dd>
                <Skeleton className="app-skeleton-text" width="8rem" />
              </dd>
            </dl>
            <ul className="ui-link-list">
              <li className="app-skeleton-link">
                <Skeleton className="app-skeleton-text" width="7rem" />
              </li>
              <li className="app-skeleton-link">
                <Skeleton className="app-skeleton-text" width="10rem" />
              </li>
            </ul>
          </div>
        </LoadingState>
      )}
    </section>
  );
}
