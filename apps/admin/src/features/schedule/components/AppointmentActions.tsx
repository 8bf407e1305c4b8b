import { Button, VisuallyHidden } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanUse } from '../../../lib/access';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api';
import { useAppointmentChange, type StatusMark } from '../api/schedule';
import { isChangedMeanwhile, type ActionResult } from '../utils/action-result';
import type { AppointmentLike } from '../utils/appointment';
import { formatClock } from '../utils/format';
import { CancelAppointmentDialog } from './CancelAppointmentDialog';
import { MoveAppointmentDialog } from './MoveAppointmentDialog';

type MarkLabel = `schedule.actions.${
  'markArrived' | 'markNoShow' | 'markCompleted' | 'undoArrived' | 'undoCompleted' | 'undoNoShow'}`;
type Mark = { status: StatusMark; label: MarkLabel };

/** The marks that make sense from each status; "booked" undoes the last one. */
function marksFor(status: AppointmentLike['status']): Mark[] {
  switch (status) {
    case 'booked':
      return [
        { status: 'arrived', label: 'schedule.actions.markArrived' },
        { status: 'no-show', label: 'schedule.actions.markNoShow' },
      ];
    case 'arrived':
      return [
        { status: 'completed', label: 'schedule.actions.markCompleted' },
        { status: 'booked', label: 'schedule.actions.undoArrived' },
      ];
    case 'completed':
      return [{ status: 'booked', label: 'schedule.actions.undoCompleted' }];
    case 'no-show':
      return [{ status: 'booked', label: 'schedule.actions.undoNoShow' }];
    default:
      return [];
  }
}

export interface AppointmentActionsProps {
  appointment: AppointmentLike;
  patientName: string;
  onResult: (result: ActionResult) => void;
  /** For "is it still ahead" (moving a past visit makes no sense); defaults to now. */
  now?: number;
}

/**
 * Marks (arrived, completed, no-show, undo) for everyone who works the schedule; move and
 * cancel for those who book. Each mark sends the version the screen showed, so a change made
 * meanwhile by someone else is refused and explained, never overwritten.
 */
export function AppointmentActions({
  appointment,
  patientName,
  onResult,
  now = Date.now(),
}: AppointmentActionsProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const canBook = useCanUse('scheduleEdit');
  const setStatus = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}/status',
    useAppointmentChange(),
  );
  const [pendingMark, setPendingMark] = useState<StatusMark | null>(null);
  const [dialog, setDialog] = useState<'move' | 'cancel' | null>(null);
  const marks = marksFor(appointment.status);
  const ahead = Date.parse(appointment.startsAt) > now;
  const canMove = canBook && appointment.status === 'booked' && ahead;
  const canCancel = canBook && appointment.status === 'booked';

  if (marks.length === 0 && !canMove && !canCancel) return null;

  const forWhom = (
    <VisuallyHidden>
      {t('schedule.actions.forAppointment', {
        name: patientName,
        time: formatClock(appointment.startsAt, appointment.location.timeZone, locale),
      })}
    </VisuallyHidden>
  );

  const mark = async (status: StatusMark) => {
    if (setStatus.isPending) return;
    setPendingMark(status);
    try {
      await setStatus.mutateAsync({
        params: { path: { patientId: appointment.patientId, appointmentId: appointment.id } },
        body: { version: appointment.version, status },
      });
      onResult({
        tone: 'success',
        text: t(`schedule.actions.done.${status}`, { name: patientName }),
      });
    } catch (error) {
      onResult(
        isChangedMeanwhile(error)
          ? { tone: 'warning', text: t('schedule.actions.changedMeanwhile') }
          : { tone: 'error', error },
      );
    } finally {
      setPendingMark(null);
    }
  };

  return (
    <div className="admin-table__actions schedule-actions">
      {marks.map(({ status, label }) => (
        <Button
          key={status}
          variant="secondary"
          className="admin-compact-button"
          busy={pendingMark === status}
          onClick={() => void mark(status)}
        >
          {pendingMark === status ? t('sections.working') : t(label)}
          {forWhom}
        </Button>
      ))}
      {canMove ? (
        <Button
          variant="secondary"
          className="admin-compact-button"
          onClick={() => setDialog('move')}
        >
          {t('schedule.actions.move')}
          {forWhom}
        </Button>
      ) : null}
      {canCancel ? (
        <Button
          variant="secondary"
          className="admin-compact-button"
          onClick={() => setDialog('cancel')}
        >
          {t('schedule.actions.cancel')}
          {forWhom}
        </Button>
      ) : null}
      {dialog === 'move' ? (
        <MoveAppointmentDialog
          appointment={appointment}
          patientName={patientName}
          onClose={() => setDialog(null)}
          onResult={onResult}
        />
      ) : null}
      {dialog === 'cancel' ? (
        <CancelAppointmentDialog
          appointment={appointment}
          patientName={patientName}
          onClose={() => setDialog(null)}
          onResult={onResult}
        />
      ) : null}
    </div>
  );
}
