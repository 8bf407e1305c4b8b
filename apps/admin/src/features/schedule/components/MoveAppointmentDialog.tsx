import { Button, Dialog } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useFormatLocale } from '../../../lib/i18n';
import type { OpenSlot } from '../api/schedule';
import { $api } from '../../../lib/api';
import { useAppointmentChange } from '../api/schedule';
import { isChangedMeanwhile, isSlotTaken, type ActionResult } from '../utils/action-result';
import type { AppointmentLike } from '../utils/appointment';
import { formatWhen } from '../utils/format';
import { zonedDate, zonedToday } from '@portal/ui';
import { slotKey, SlotFinder } from './SlotFinder';

export interface MoveAppointmentDialogProps {
  appointment: AppointmentLike;
  patientName: string;
  onClose: () => void;
  onResult: (result: ActionResult) => void;
}

/**
 * Moves an appointment to another open time of the same provider and visit type. A time taken
 * meanwhile is explained here (the list reloads); a change by someone else closes the dialog
 * and says so, since the appointment on screen was out of date.
 */
export function MoveAppointmentDialog({
  appointment,
  patientName,
  onClose,
  onResult,
}: MoveAppointmentDialogProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const reschedule = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule',
    useAppointmentChange(),
  );
  const [slot, setSlot] = useState<OpenSlot | null>(null);
  const [missing, setMissing] = useState(false);
  const zone = appointment.location.timeZone;
  const today = zonedToday(zone);
  const current = zonedDate(appointment.startsAt, zone);
  const firstInputId = `move-${appointment.id}-slot`;

  const submit = async () => {
    if (reschedule.isPending) return;
    if (!slot) {
      setMissing(true);
      document.getElementById(firstInputId)?.focus();
      return;
    }
    try {
      const moved = await reschedule.mutateAsync({
        params: { path: { patientId: appointment.patientId, appointmentId: appointment.id } },
        body: {
          version: appointment.version,
          startsAt: slot.startsAt,
          providerId: slot.provider.id,
          locationId: slot.location.id,
        },
      });
      onResult({
        tone: 'success',
        text: t('schedule.move.done', {
          name: patientName,
          when: formatWhen(moved.startsAt, moved.location.timeZone, locale),
          location: moved.location.name,
        }),
      });
      onClose();
    } catch (error) {
      if (isChangedMeanwhile(error)) {
        onResult({ tone: 'warning', text: t('schedule.actions.changedMeanwhile') });
        onClose();
      } else if (isSlotTaken(error)) {
        setSlot(null);
      }
      // Anything else is explained inside the dialog, which stays open.
    }
  };

  return (
    <Dialog
      open
      title={t('schedule.move.title')}
      description={
        <p>
          {t('schedule.move.body', {
            name: patientName,
            visitType: appointment.visitType.name,
            provider: appointment.provider.displayName,
            when: formatWhen(appointment.startsAt, zone, locale),
          })}
        </p>
      }
      onEscape={() => {
        if (!reschedule.isPending) onClose();
      }}
      actions={
        <>
          <Button busy={reschedule.isPending} onClick={() => void submit()}>
            {reschedule.isPending ? t('sections.working') : t('schedule.move.confirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('schedule.move.keep')}
          </Button>
        </>
      }
    >
      {reschedule.error ? (
        <ApiErrorAlert
          error={reschedule.error}
          refusedTitle={isSlotTaken(reschedule.error) ? undefined : t('schedule.move.refused')}
        />
      ) : null}
      <SlotFinder
        visitTypeId={appointment.visitType.id}
        providerId={appointment.provider.id}
        timeZone={zone}
        initialFrom={current > today ? current : today}
        value={slot ? slotKey(slot) : ''}
        onChange={(next) => {
          setSlot(next);
          if (next) setMissing(false);
        }}
        error={missing ? t('schedule.move.chooseTime') : undefined}
        firstInputId={firstInputId}
        excludeStartsAt={appointment.startsAt}
      />
    </Dialog>
  );
}
