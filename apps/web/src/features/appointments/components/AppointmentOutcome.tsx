import { Confirmation } from '@portal/auth-ui';
import { formatDateTime } from '@portal/ui';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { BOOK_APPOINTMENT_PATH } from '../../../lib/navigation';
import type { Appointment } from '../api';
import { telHref } from '../utils/contact';
import type { Outcome } from '../utils/outcome';

export interface AppointmentOutcomeProps {
  outcome: Outcome;
  appointment: Appointment;
}

/**
 * What just happened, in words, at the top of the appointment's page; it takes focus. Each
 * message says how to undo it: change or cancel online while that is allowed, call otherwise,
 * or book again after a cancellation.
 */
export function AppointmentOutcome({ outcome, appointment }: AppointmentOutcomeProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { location } = appointment;
  const when = (iso: string) => formatDateTime(iso, location.timeZone, locale);

  if (outcome.kind === 'cancelled') {
    return (
      <Confirmation title={t('appointments.outcome.cancelledTitle')}>
        <p>{t('appointments.outcome.cancelled', { when: when(appointment.startsAt) })}</p>
        <p>
          {t('appointments.outcome.undoCancelled')}{' '}
          <Link to={BOOK_APPOINTMENT_PATH}>{t('appointments.findTime')}</Link>
        </p>
      </Confirmation>
    );
  }

  const undo = appointment.canChangeOnline ? (
    t('appointments.outcome.undoChange', { until: when(appointment.changeableUntil) })
  ) : (
    <Trans
      i18nKey="appointments.outcome.undoCall"
      values={{ location: location.name, phone: location.phone }}
      components={{ phone: <a href={telHref(location.phone)} /> }}
    />
  );

  return outcome.kind === 'booked' ? (
    <Confirmation title={t('appointments.outcome.bookedTitle')}>
      <p>{t('appointments.outcome.booked', { when: when(appointment.startsAt) })}</p>
      <p>{undo}</p>
    </Confirmation>
  ) : (
    <Confirmation title={t('appointments.outcome.rescheduledTitle')}>
      <p>
        {t('appointments.outcome.rescheduled', {
          when: when(appointment.startsAt),
          previous: when(outcome.previousStartsAt),
        })}
      </p>
      <p>{undo}</p>
    </Confirmation>
  );
}
