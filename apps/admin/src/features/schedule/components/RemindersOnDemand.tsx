import { Button } from '@portal/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { $api } from '../../../lib/api';
import { ReminderList } from './ReminderList';

export interface RemindersOnDemandProps {
  patientId: string;
  appointmentId: string;
  timeZone: string;
  /** Words naming the appointment, read with the button ("for Alexandra Rivera at 9:30 AM"). */
  context: string;
}

/**
 * The schedule does not carry reminder states (each would be a read of the patient's
 * appointment), so they load for one appointment when asked.
 */
export function RemindersOnDemand({
  patientId,
  appointmentId,
  timeZone,
  context,
}: RemindersOnDemandProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Loads only once asked for: each read is audited.
  const appointment = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}',
    { params: { path: { patientId, appointmentId } } },
    { enabled: open },
  );
  const regionId = useId();
  return (
    <div className="schedule-reminders-toggle">
      <Button
        variant="quiet"
        className="admin-compact-button"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('schedule.reminders.hide') : t('schedule.reminders.show')}
        <span className="ui-visually-hidden"> {context}</span>
      </Button>
      <div id={regionId}>
        {!open ? null : appointment.isPending ? (
          <p role="status">{t('schedule.reminders.loading')}</p>
        ) : appointment.isError ? (
          <ApiErrorAlert error={appointment.error} onRetry={() => void appointment.refetch()} />
        ) : (
          <ReminderList reminders={appointment.data.reminders ?? []} timeZone={timeZone} />
        )}
      </div>
    </div>
  );
}
