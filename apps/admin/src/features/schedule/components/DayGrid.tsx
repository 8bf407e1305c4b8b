import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Provider } from '../../../lib/catalog';
import { useFormatLocale } from '../../../lib/i18n';
import { BOOK_APPOINTMENT_PATH, patientAppointmentsPath } from '../../../lib/paths';
import { addDays, startOfZonedDay, zonedTime } from '@portal/ui';
import type { ScheduleAppointment, ScheduleHours } from '../api/schedule';
import { buildDayGrid } from '../utils/day-grid';
import { formatClock, formatDayLong, formatTimeRangeBare } from '../utils/format';
import { AppointmentStatusBadge } from '../../../components/AppointmentStatusBadge';

export interface DayGridProps {
  /** YYYY-MM-DD in the location's zone. */
  date: string;
  timeZone: string;
  /** The zone's name as shown ("CST"). */
  zoneName: string;
  locationId: string;
  locationName: string;
  appointments: ScheduleAppointment[];
  hours: ScheduleHours[];
  providers: Provider[];
  canBook: boolean;
}

/**
 * A location's day across its providers: a table with a column per provider (those with
 * hours there that day, or visits) and a row per half hour, each visit in the rows it takes,
 * each free half hour inside a provider's hours a link that books it. Row and column headers
 * name the time and the provider, so a screen reader says both in every cell; the list view
 * beside it says the same in reading order.
 */
export function DayGrid({
  date,
  timeZone,
  zoneName,
  locationId,
  locationName,
  appointments,
  hours,
  providers,
  canBook,
}: DayGridProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const names = new Map(providers.map((provider) => [provider.id, provider.displayName]));
  for (const appointment of appointments) {
    names.set(appointment.provider.id, appointment.provider.displayName);
  }
  const columnIds = [
    ...new Set([...hours.map((w) => w.providerId), ...appointments.map((a) => a.provider.id)]),
  ].sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', locale));

  if (columnIds.length === 0) {
    return <p className="admin-muted">{t('schedule.grid.noProviders')}</p>;
  }

  const grid = buildDayGrid({
    dayStart: startOfZonedDay(date, timeZone),
    dayEnd: startOfZonedDay(addDays(date, 1), timeZone),
    providerIds: columnIds,
    appointments,
    hours,
  });
  const headerId = (providerId: string) => `grid-provider-${providerId}`;
  const rowId = (index: number) => `grid-row-${index}`;

  return (
    <div
      className="schedule-grid-scroll"
      role="region"
      aria-labelledby="schedule-grid-caption"
      tabIndex={0}
    >
      <table className="schedule-grid">
        <caption id="schedule-grid-caption">
          {t('schedule.grid.caption', {
            place: locationName,
            day: formatDayLong(date, timeZone, locale),
            zone: zoneName,
            timeZone,
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="schedule-grid__corner">
              {t('schedule.grid.time', { zone: zoneName })}
            </th>
            {columnIds.map((providerId) => (
              <th key={providerId} scope="col" id={headerId(providerId)}>
                {names.get(providerId) ?? providerId}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((rowStart, index) => (
            <tr key={rowStart}>
              <th scope="row" id={rowId(index)} className="schedule-grid__time">
                <time dateTime={rowStart}>{formatClock(rowStart, timeZone, locale)}</time>
              </th>
              {columnIds.map((providerId) => {
                const cell = grid.cells.get(providerId)?.[index];
                if (!cell || cell.kind === 'covered') return null;
                const name = names.get(providerId) ?? '';
                if (cell.kind === 'appointments') {
                  return (
                    <td key={providerId} rowSpan={cell.rowSpan} className="schedule-grid__busy">
                      {cell.items.map((appointment) => (
                        <GridAppointment
                          key={appointment.id}
                          appointment={appointment}
                          timeZone={timeZone}
                        />
                      ))}
                    </td>
                  );
                }
                if (cell.kind === 'closed') {
                  return (
                    <td key={providerId} className="schedule-grid__closed">
                      <span className="ui-visually-hidden">{t('schedule.grid.closed')}</span>
                    </td>
                  );
                }
                const time = formatClock(cell.startsAt, timeZone, locale);
                return (
                  <td key={providerId} className="schedule-grid__open">
                    {canBook ? (
                      <Link
                        className="schedule-grid__book"
                        to={{
                          pathname: BOOK_APPOINTMENT_PATH,
                          search: new URLSearchParams({
                            provider: providerId,
                            location: locationId,
                            date,
                            time: zonedTime(cell.startsAt, timeZone),
                          }).toString(),
                        }}
                        aria-label={t('schedule.grid.book', { time, name })}
                      >
                        <span aria-hidden="true">+</span>
                      </Link>
                    ) : (
                      <span className="ui-visually-hidden">{t('schedule.grid.free')}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridAppointment({
  appointment,
  timeZone,
}: {
  appointment: ScheduleAppointment;
  timeZone: string;
}) {
  const locale = useFormatLocale();
  return (
    <div className={`schedule-grid__visit schedule-appointment--${appointment.status}`}>
      <p className="schedule-grid__visit-time">
        <time dateTime={appointment.startsAt}>
          {formatTimeRangeBare(appointment.startsAt, appointment.endsAt, timeZone, locale)}
        </time>
      </p>
      <p>
        <Link to={patientAppointmentsPath(appointment.patient.id)}>
          {appointment.patient.displayName}
        </Link>
      </p>
      <p className="admin-muted">{appointment.visitType.name}</p>
      <AppointmentStatusBadge status={appointment.status} />
    </div>
  );
}
