import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { patientAppointmentsPath } from '../../../lib/paths';
import type { Location } from '../../../lib/catalog';
import type { ScheduleAppointment, ScheduleHours } from '../api/schedule';
import type { ActionResult } from '../utils/action-result';
import {
  formatClock,
  formatDayLong,
  formatDayShort,
  formatTimeRange,
  formatTimeRangeBare,
} from '../utils/format';
import { zoneAbbreviation } from '@portal/ui';
import { AppointmentActions } from './AppointmentActions';
import { AppointmentStatusBadge } from '../../../components/AppointmentStatusBadge';
import { RemindersOnDemand } from './RemindersOnDemand';

export interface DayAgendaProps {
  /** YYYY-MM-DD in the view's zone. */
  date: string;
  timeZone: string;
  appointments: ScheduleAppointment[];
  hours: ScheduleHours[];
  /** Locations by id, to name where open hours are. */
  locations: Map<string, Location>;
  /** Whose schedule: a location's view names each provider, a provider's each location. */
  by: 'provider' | 'location';
  compact: boolean;
  today: boolean;
  onResult: (result: ActionResult) => void;
}

/**
 * One day: its open hours as context, then its appointments in time order as an ordered list.
 * Each appointment says its time in its location's zone (named), the patient with MRN (linked
 * to the chart), the visit type, the status in words, and what can be done with it.
 */
export function DayAgenda({
  date,
  timeZone,
  appointments,
  hours,
  locations,
  by,
  compact,
  today,
  onResult,
}: DayAgendaProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const headingId = `day-${date}`;
  const longDay = formatDayLong(date, timeZone, locale);

  return (
    <section
      className={['schedule-day', today ? 'schedule-day--today' : ''].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="schedule-day__heading">
        {compact ? (
          <>
            <span aria-hidden="true">{formatDayShort(date, locale)}</span>
            <span className="ui-visually-hidden">{longDay}</span>
          </>
        ) : (
          longDay
        )}
        {today ? (
          <span className="schedule-day__today"> {t('schedule.calendar.today')}</span>
        ) : null}
      </h2>
      {/* Open hours are a provider's; a location's day lists several providers' visits. */}
      {by === 'provider' ? (
        <p className="schedule-day__hours">
          {hours.length === 0
            ? t('schedule.calendar.noHours')
            : t('schedule.calendar.hours', {
                hours: hours
                  .map((window) => {
                    const zone = locations.get(window.locationId)?.timeZone ?? timeZone;
                    const range = formatTimeRange(window.startsAt, window.endsAt, zone, locale);
                    const place = locations.get(window.locationId)?.name;
                    return place ? t('schedule.calendar.hoursAt', { range, place }) : range;
                  })
                  .join('; '),
              })}
        </p>
      ) : null}
      {appointments.length === 0 ? (
        <p className="admin-muted">{t('schedule.calendar.noAppointments')}</p>
      ) : (
        <ol className="schedule-day__list" aria-labelledby={headingId}>
          {appointments.map((appointment) => {
            const zone = appointment.location.timeZone;
            const name = appointment.patient.displayName;
            const context = t('schedule.actions.forAppointment', {
              name,
              time: formatClock(appointment.startsAt, zone, locale),
            });
            return (
              <li
                key={appointment.id}
                className={`schedule-appointment schedule-appointment--${appointment.status}`}
              >
                <p className="schedule-appointment__time">
                  <time dateTime={appointment.startsAt}>
                    {formatTimeRangeBare(appointment.startsAt, appointment.endsAt, zone, locale)}
                  </time>{' '}
                  <abbr title={zone}>{zoneAbbreviation(appointment.startsAt, zone, locale)}</abbr>{' '}
                  <AppointmentStatusBadge status={appointment.status} />
                </p>
                <p className="schedule-appointment__patient">
                  <Link to={patientAppointmentsPath(appointment.patient.id)}>{name}</Link>{' '}
                  <span className="admin-muted">
                    {t('schedule.calendar.mrn')}{' '}
                    <span className="admin-mono">{appointment.patient.mrn}</span>
                  </span>
                </p>
                <p className="schedule-appointment__what">
                  {appointment.visitType.name}
                  {' · '}
                  {by === 'location' ? appointment.provider.displayName : appointment.location.name}
                </p>
                <RemindersOnDemand
                  patientId={appointment.patient.id}
                  appointmentId={appointment.id}
                  timeZone={zone}
                  context={context}
                />
                <AppointmentActions
                  appointment={appointment}
                  patientName={name}
                  onResult={onResult}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
