import { useTranslation } from 'react-i18next';
import type { JsonResponse } from '@portal/api-client';
import { StatusBadge, type BadgeTone } from './StatusBadge';

type Appointment = JsonResponse<'getAppointment', 200>;

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
