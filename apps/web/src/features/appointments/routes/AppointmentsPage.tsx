import '../appointments.css';
import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useShowMore } from '../../../lib/show-more';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { BOOK_APPOINTMENT_PATH } from '../../../lib/navigation';
import { $api, cursorPages } from '../../../lib/api-queries';
import { APPOINTMENTS_PAGE_SIZE, type AppointmentWhen } from '../api';
import { AppointmentCard, cardHeadingId } from '../components/AppointmentCard';
import { QueryPending } from '../../../components/QueryState';
import { PatientOnly } from '../../../components/PatientOnly';
import { ShowMore } from '../../../components/ShowMore';

const VIEWS: readonly AppointmentWhen[] = ['upcoming', 'past'];

const LIST_SKELETONS = [{ height: '9rem' }, { height: '9rem' }, { height: '9rem' }];

/**
 * /appointments — upcoming visits (earliest first) or past ones (latest first, cancelled ones
 * marked in words), a page at a time, with "Find a time" always at hand. Which list shows is
 * in the address (?show=past), so Back and reload keep it.
 */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const when: AppointmentWhen = params.get('show') === 'past' ? 'past' : 'upcoming';
  return (
    <PatientOnly title={t('appointments.title')}>
      {(patientId) => (
        <Page title={t('appointments.title')}>
          <p>{t('appointments.intro')}</p>
          <p>
            <Link className="ui-button ui-button--primary" to={BOOK_APPOINTMENT_PATH}>
              {t('appointments.findTime')}
            </Link>
          </p>
          <nav className="appointments-views" aria-label={t('appointments.views.label')}>
            <ul>
              {VIEWS.map((view) => (
                <li key={view}>
                  <Link
                    to={{ search: view === 'past' ? '?show=past' : '' }}
                    replace
                    className="appointments-views__link"
                    aria-current={view === when ? 'page' : undefined}
                  >
                    {t(`appointments.views.${view}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <AppointmentList key={when} patientId={patientId} when={when} />
        </Page>
      )}
    </PatientOnly>
  );
}

function AppointmentList({ patientId, when }: { patientId: string; when: AppointmentWhen }) {
  const { t } = useTranslation();
  // Upcoming visits earliest first, or past ones (cancelled included) latest first.
  const list = $api.useInfiniteQuery(
    'get',
    '/api/v1/patients/{patientId}/appointments',
    { params: { path: { patientId }, query: { when, limit: APPOINTMENTS_PAGE_SIZE } } },
    cursorPages,
  );
  const showMore = useShowMore(list, cardHeadingId);

  if (!list.data) {
    return <QueryPending query={list} copy="appointments.list" skeletons={LIST_SKELETONS} />;
  }

  const appointments = list.data.pages.flatMap((page) => page.items);
  if (appointments.length === 0) {
    return when === 'upcoming' ? (
      <Alert tone="info" announce={false}>
        <p>
          {t('appointments.list.emptyUpcoming')}{' '}
          <Link to={BOOK_APPOINTMENT_PATH}>{t('appointments.findTime')}</Link>
        </p>
      </Alert>
    ) : (
      <Alert tone="info" announce={false}>
        <p>{t('appointments.list.emptyPast')}</p>
      </Alert>
    );
  }

  return (
    <>
      <ol
        className="ui-stack"
        aria-label={
          when === 'upcoming'
            ? t('appointments.list.upcomingLabel')
            : t('appointments.list.pastLabel')
        }
      >
        {appointments.map((appointment, index) => (
          <AppointmentCard key={appointment.id} appointment={appointment} index={index} />
        ))}
      </ol>
      <ShowMore list={list} copy="appointments.list" onShowMore={showMore} />
    </>
  );
}
