import { Button, LoadingState, Skeleton, VisuallyHidden } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { AppointmentStatusBadge } from '../../../components/AppointmentStatusBadge';
import { useCanUse } from '../../../lib/access';
import { $api } from '../../../lib/api';
import { useLocations, useProviders, type Location } from '../../../lib/catalog';
import { useFormatLocale } from '../../../lib/i18n';
import { patientAppointmentsPath, SCHEDULE_PATH } from '../../../lib/paths';
import { useCurrentSession } from '../../../lib/session';
import { addDays, startOfZonedDay, zoneAbbreviation, zonedToday } from '@portal/ui';
import { useArrivalChange, WORKLIST_QUERY, type TodayAppointment } from '../api/home';
import { WorkBlock } from './WorkBlock';

type Subject = { kind: 'provider' | 'location'; id: string };

/**
 * Today's appointments: a provider's own, or for everyone else one location's (chosen here,
 * kept in the address), with arrivals and no-shows said in words, and a one-click "Arrived"
 * for those who mark arrivals.
 */
export function TodaySchedule() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const providers = useProviders();
  const locations = useLocations();
  const [params, setParams] = useSearchParams();

  if (providers.isPending || locations.isPending) {
    return (
      <WorkBlock id="home-today" title={t('home.today.title')}>
        <LoadingState label={t('home.today.loading')}>
          <Skeleton height="4rem" />
        </LoadingState>
      </WorkBlock>
    );
  }
  if (providers.isError || locations.isError) {
    return (
      <WorkBlock id="home-today" title={t('home.today.title')}>
        <ApiErrorAlert error={providers.error ?? locations.error} />
      </WorkBlock>
    );
  }

  const active = locations.data.filter((item) => item.active);
  const own = providers.data.find((item) => item.accountId === user.id);
  const chosen = active.find((item) => item.id === params.get('location')) ?? active[0];
  const subject: Subject | null = own
    ? { kind: 'provider', id: own.id }
    : chosen
      ? { kind: 'location', id: chosen.id }
      : null;
  const zone =
    (own
      ? locations.data.find((item) => own.locationIds.includes(item.id))?.timeZone
      : chosen?.timeZone) ??
    active[0]?.timeZone ??
    'UTC';

  return (
    <WorkBlock
      id="home-today"
      title={own ? t('home.today.titleOwn') : t('home.today.title')}
      footer={<Link to={SCHEDULE_PATH}>{t('home.today.openSchedule')}</Link>}
    >
      {!own && active.length > 1 ? (
        <div className="ui-field home-block__filter">
          <label className="ui-field__label" htmlFor="home-today-location">
            {t('home.today.location')}
          </label>
          <select
            id="home-today-location"
            className="admin-select"
            value={chosen?.id ?? ''}
            onChange={(event) =>
              setParams(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  next.set('location', event.target.value);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {active.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {subject ? (
        <TodayList subject={subject} timeZone={zone} locations={locations.data} />
      ) : (
        <p className="admin-muted">{t('home.today.noLocations')}</p>
      )}
    </WorkBlock>
  );
}

function TodayList({
  subject,
  timeZone,
  locations,
}: {
  subject: Subject;
  timeZone: string;
  locations: Location[];
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const canTrack = useCanUse('scheduleTrack');
  const today = zonedToday(timeZone);
  const from = startOfZonedDay(today, timeZone);
  const schedule = $api.useQuery(
    'get',
    '/api/v1/schedule',
    {
      params: {
        query: {
          ...(subject.kind === 'provider'
            ? { providerId: subject.id }
            : { locationId: subject.id }),
          from,
          to: startOfZonedDay(addDays(today, 1), timeZone),
        },
      },
    },
    WORKLIST_QUERY,
  );
  const setStatus = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}/status',
    useArrivalChange(),
  );
  const [marking, setMarking] = useState<string | null>(null);
  const [said, setSaid] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  if (schedule.isPending) {
    return (
      <LoadingState label={t('home.today.loading')}>
        <Skeleton height="4rem" />
      </LoadingState>
    );
  }
  if (schedule.isError) {
    return <ApiErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />;
  }

  const items = schedule.data.items;
  const zoneName = zoneAbbreviation(from, timeZone, locale);
  const arrived = items.filter((item) => item.status === 'arrived').length;
  const noShows = items.filter((item) => item.status === 'no-show').length;
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const placeName = locations.find((item) => item.id === subject.id)?.name;

  const markArrived = async (appointment: TodayAppointment) => {
    if (setStatus.isPending) return;
    setMarking(appointment.id);
    setSaid(null);
    try {
      await setStatus.mutateAsync({
        params: { path: { patientId: appointment.patient.id, appointmentId: appointment.id } },
        body: { version: appointment.version, status: 'arrived' },
      });
      setSaid({
        tone: 'success',
        text: t('home.today.marked', { name: appointment.patient.displayName }),
      });
    } catch {
      setSaid({
        tone: 'error',
        text: t('home.today.markFailed', { name: appointment.patient.displayName }),
      });
    } finally {
      setMarking(null);
    }
  };

  return (
    <>
      <p className="admin-muted">
        {t('home.today.summary', {
          count: items.length,
          arrived,
          noShows,
          zone: zoneName,
          timeZone,
        })}
        {placeName ? ` ${t('home.today.at', { place: placeName })}` : ''}
      </p>
      <p role="status" className={said?.tone === 'error' ? 'home-block__error' : undefined}>
        {said?.text}
      </p>
      {items.length === 0 ? (
        <p>{t('home.today.empty')}</p>
      ) : (
        <ol className="home-list">
          {items.map((appointment) => {
            const name = appointment.patient.displayName;
            const time = clock.format(new Date(appointment.startsAt));
            return (
              <li key={appointment.id} className="home-list__item">
                <time dateTime={appointment.startsAt} className="home-list__time">
                  {time}
                </time>
                <span className="home-list__main">
                  <Link to={patientAppointmentsPath(appointment.patient.id)}>{name}</Link>{' '}
                  <span className="admin-muted">
                    {appointment.visitType.name}
                    {subject.kind === 'location' ? ` · ${appointment.provider.displayName}` : ''}
                  </span>
                </span>
                <AppointmentStatusBadge status={appointment.status} />
                {canTrack && appointment.status === 'booked' ? (
                  <Button
                    variant="secondary"
                    className="admin-compact-button"
                    busy={marking === appointment.id}
                    onClick={() => void markArrived(appointment)}
                  >
                    {t('home.today.markArrived')}
                    <VisuallyHidden>{t('home.today.forWhom', { name, time })}</VisuallyHidden>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
