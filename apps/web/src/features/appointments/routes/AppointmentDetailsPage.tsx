import '../appointments.css';
import { Alert, Button, formatDateTime, LinkList } from '@portal/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import {
  APPOINTMENTS_PATH,
  cancelAppointmentPath,
  rescheduleAppointmentPath,
} from '../../../lib/navigation';
import { useQuery } from '@tanstack/react-query';
import { appointmentQuery, useDownloadAppointmentCalendar, type Appointment } from '../api';
import { AppointmentOutcome } from '../components/AppointmentOutcome';
import { CallToChange } from '../components/CallToChange';
import { isNotFound } from '../../../components/QueryState';
import { patientPage } from '../../../components/PatientOnly';
import { statusWords } from '../components/status';
import { AppointmentState } from '../components/AppointmentState';
import { ProviderFact } from '../components/AppointmentFacts';
import { addressLines, telHref } from '../utils/contact';
import { readOutcome } from '../utils/outcome';

const DETAILS_SKELETONS = [
  { width: '70%', height: '1.5rem' },
  { height: '8rem' },
  { height: '10rem' },
];

/**
 * /appointments/:appointmentId — everything about one visit: when (in the location's zone),
 * with whom, where and how to get there, the patient's own reason, and what can be done:
 * add to calendar, reschedule, cancel, or, inside the cutoff, whom to call.
 */
export const AppointmentDetailsPage = patientPage('appointments.details.title', Details);

function Details({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { appointmentId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const appointment = useQuery(appointmentQuery(patientId, appointmentId));
  // Read once: the confirmation belongs to the change just made, not to a later reload.
  const [outcome] = useState(() => readOutcome(location.state));

  useEffect(() => {
    if (readOutcome(location.state)) {
      void navigate(
        { pathname: location.pathname, search: location.search },
        { replace: true, state: null },
      );
    }
  }, [location.state, location.pathname, location.search, navigate]);

  const notFound = isNotFound(appointment);
  return (
    <Page
      title={t('appointments.details.title')}
      heading={
        notFound ? t('appointments.details.notFoundTitle') : t('appointments.details.heading')
      }
      autoFocus={outcome && appointment.data ? false : undefined}
    >
      <AppointmentState query={appointment} skeletons={DETAILS_SKELETONS}>
        {(data) => (
          <>
            {outcome ? <AppointmentOutcome outcome={outcome} appointment={data} /> : null}
            <AppointmentDetails patientId={patientId} appointment={data} />
          </>
        )}
      </AppointmentState>
      <LinkList>
        <Link to={APPOINTMENTS_PATH}>{t('appointments.backToList')}</Link>
      </LinkList>
    </Page>
  );
}

function AppointmentDetails({
  patientId,
  appointment,
}: {
  patientId: string;
  appointment: Appointment;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { location, provider, visitType } = appointment;
  const when = (iso: string) => formatDateTime(iso, location.timeZone, locale);
  const now = Date.now();
  const ahead = Date.parse(appointment.endsAt) > now;
  const active = appointment.status === 'booked' || appointment.status === 'arrived';
  const insideCutoff =
    appointment.status === 'booked' &&
    !appointment.canChangeOnline &&
    Date.parse(appointment.startsAt) > now;

  return (
    <>
      <section className="ui-card" aria-labelledby="appointment-visit">
        <h2 id="appointment-visit">
          <time dateTime={appointment.startsAt}>{when(appointment.startsAt)}</time>
        </h2>
        <dl className="ui-details">
          <dt>{t('appointments.fields.status')}</dt>
          <dd>{statusWords(t, appointment, now)}</dd>
          {appointment.status === 'cancelled' && appointment.cancelledAt ? (
            <>
              <dt>{t('appointments.fields.cancelledOn')}</dt>
              <dd>{when(appointment.cancelledAt)}</dd>
            </>
          ) : null}
          {appointment.status === 'cancelled' && appointment.cancelReason ? (
            <>
              <dt>{t('appointments.fields.cancelReason')}</dt>
              <dd className="appointments-text">{appointment.cancelReason}</dd>
            </>
          ) : null}
          <ProviderFact provider={provider} />
          <dt>{t('appointments.fields.visit')}</dt>
          <dd>{visitType.name}</dd>
          <dt>{t('appointments.fields.length')}</dt>
          <dd>{t('appointments.fields.minutes', { count: visitType.durationMinutes })}</dd>
          <dt id="appointment-reason-label">{t('appointments.fields.reason')}</dt>
          <dd>
            <p className="appointments-private">{t('appointments.fields.reasonPrivate')}</p>
            <p className="appointments-text">
              {appointment.reason ?? t('appointments.fields.noReason')}
            </p>
          </dd>
        </dl>
      </section>

      <section className="ui-card" aria-labelledby="appointment-location">
        <h2 id="appointment-location">{t('appointments.details.locationTitle')}</h2>
        <p className="appointments-location-name">{location.name}</p>
        <dl className="ui-details">
          <dt>{t('appointments.fields.address')}</dt>
          <dd>
            <address className="appointments-address">
              {addressLines(location.address, locale).map((line) => (
                <span key={line}>{line}</span>
              ))}
            </address>
            <a
              className="appointments-tall-link"
              href={location.mapUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('appointments.details.map')} {t('appointments.details.newTab')}
            </a>
          </dd>
          <dt>{t('appointments.fields.phone')}</dt>
          <dd>
            <a className="appointments-tall-link" href={telHref(location.phone)}>
              {location.phone}
            </a>
          </dd>
          {location.arrivalInstructions ? (
            <>
              <dt>{t('appointments.fields.arrival')}</dt>
              <dd className="appointments-text">{location.arrivalInstructions}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {active && ahead ? (
        <section className="appointments-actions" aria-labelledby="appointment-actions">
          <h2 id="appointment-actions">{t('appointments.details.actionsTitle')}</h2>
          {insideCutoff ? <CallToChange appointment={appointment} /> : null}
          {appointment.canChangeOnline ? (
            <p>
              {t('appointments.details.changeUntil', { time: when(appointment.changeableUntil) })}
            </p>
          ) : null}
          <CalendarButton patientId={patientId} appointmentId={appointment.id} />
          {appointment.canChangeOnline ? (
            <div className="ui-actions">
              <Link
                className="ui-button ui-button--secondary"
                to={rescheduleAppointmentPath(appointment.id)}
              >
                {t('appointments.details.reschedule')}
              </Link>
              <Link
                className="ui-button ui-button--secondary"
                to={cancelAppointmentPath(appointment.id)}
              >
                {t('appointments.details.cancel')}
              </Link>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function CalendarButton({
  patientId,
  appointmentId,
}: {
  patientId: string;
  appointmentId: string;
}) {
  const { t } = useTranslation();
  const download = useDownloadAppointmentCalendar(patientId, appointmentId);
  return (
    <>
      {download.isError ? (
        <Alert tone="error">{t('appointments.details.calendarFailed')}</Alert>
      ) : null}
      <p className="ui-field__hint" id="appointment-calendar-hint">
        {t('appointments.details.calendarHint')}
      </p>
      <div className="ui-actions">
        <Button
          variant="primary"
          busy={download.isPending}
          aria-describedby="appointment-calendar-hint"
          onClick={() => download.mutate()}
        >
          {download.isPending
            ? t('appointments.details.calendarPending')
            : t('appointments.details.addToCalendar')}
        </Button>
      </div>
    </>
  );
}
