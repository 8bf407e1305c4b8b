import { formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { appointmentPath } from '../../../lib/navigation';
import type { AppointmentListItem } from '../api';
import { AppointmentFacts } from './AppointmentFacts';
import { statusWords } from './status';

export function cardHeadingId(index: number): string {
  return `appointment-card-${index}`;
}

export interface AppointmentCardProps {
  appointment: AppointmentListItem;
  index: number;
}

/** One visit in a list: the written-out time as a link to its page, then who, what and where. */
export function AppointmentCard({ appointment, index }: AppointmentCardProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const cancelled = appointment.status === 'cancelled';
  return (
    <li
      className={
        cancelled
          ? 'ui-card appointments-card appointments-card--cancelled'
          : 'ui-card appointments-card'
      }
    >
      <h2 id={cardHeadingId(index)} tabIndex={-1} className="appointments-card__when">
        <Link to={appointmentPath(appointment.id)}>
          <time dateTime={appointment.startsAt}>
            {formatDateTime(appointment.startsAt, appointment.location.timeZone, locale)}
          </time>
        </Link>
      </h2>
      <p className="appointments-card__status">
        <span className="appointments-status">{statusWords(t, appointment)}</span>
      </p>
      <AppointmentFacts appointment={appointment} showWhen={false} />
    </li>
  );
}
