import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeTone } from '../../../components/StatusBadge';
import type { Appointment } from '../api/schedule';

const TONES: Record<Appointment['status'], BadgeTone> = {
  booked: 'info',
  arrived: 'success',
  completed: 'neutral',
  'no-show': 'warning',
  cancelled: 'error',
};

/** The appointment's status in words ("Arrived"); the colour only repeats it. */
export function AppointmentStatusBadge({ status }: { status: Appointment['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`schedule.status.${status}`)}</StatusBadge>;
}
