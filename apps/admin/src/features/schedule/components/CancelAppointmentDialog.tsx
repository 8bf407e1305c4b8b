import { Button, Dialog } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api';
import { useAppointmentChange } from '../api/schedule';
import { isChangedMeanwhile, type ActionResult } from '../utils/action-result';
import type { AppointmentLike } from '../utils/appointment';
import { formatWhen } from '../utils/format';
import { TextAreaField } from '../../../components/TextAreaField';

const REASON_MAX = 500;

export interface CancelAppointmentDialogProps {
  appointment: AppointmentLike;
  patientName: string;
  onClose: () => void;
  onResult: (result: ActionResult) => void;
}

/**
 * Cancels after one clear question, with the reason required (it is kept with the
 * appointment). Focus starts on the reason; "Keep appointment" is the safe way out.
 */
export function CancelAppointmentDialog({
  appointment,
  patientName,
  onClose,
  onResult,
}: CancelAppointmentDialogProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const cancel = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel',
    useAppointmentChange(),
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const when = formatWhen(appointment.startsAt, appointment.location.timeZone, locale);
  const reasonId = `cancel-${appointment.id}-reason`;

  const submit = async () => {
    if (cancel.isPending) return;
    const text = reason.trim();
    if (!text) {
      setError(t('schedule.cancel.reasonMissing'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    if (text.length > REASON_MAX) {
      setError(t('schedule.cancel.reasonTooLong', { max: REASON_MAX }));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setError(undefined);
    try {
      await cancel.mutateAsync({
        params: { path: { patientId: appointment.patientId, appointmentId: appointment.id } },
        body: { version: appointment.version, reason: text },
      });
      onResult({ tone: 'success', text: t('schedule.cancel.done', { name: patientName, when }) });
      onClose();
    } catch (failure) {
      if (isChangedMeanwhile(failure)) {
        onResult({ tone: 'warning', text: t('schedule.actions.changedMeanwhile') });
        onClose();
      }
      // Anything else is explained inside the dialog, which stays open.
    }
  };

  return (
    <Dialog
      open
      role="alertdialog"
      title={t('schedule.cancel.title')}
      description={<p>{t('schedule.cancel.body', { name: patientName, when })}</p>}
      onEscape={() => {
        if (!cancel.isPending) onClose();
      }}
      actions={
        <>
          <Button busy={cancel.isPending} onClick={() => void submit()}>
            {cancel.isPending ? t('sections.working') : t('schedule.cancel.confirm')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('schedule.cancel.keep')}
          </Button>
        </>
      }
    >
      {cancel.error && !isChangedMeanwhile(cancel.error) ? (
        <ApiErrorAlert error={cancel.error} />
      ) : null}
      <TextAreaField
        id={reasonId}
        name="reason"
        label={t('schedule.cancel.reason')}
        hint={t('schedule.cancel.reasonHint')}
        rows={3}
        maxLength={REASON_MAX}
        required
        data-autofocus
        value={reason}
        error={error}
        onChange={(event) => setReason(event.target.value)}
      />
    </Dialog>
  );
}
