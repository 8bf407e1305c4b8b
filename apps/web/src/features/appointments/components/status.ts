import type { TFunction } from 'i18next';
import type { Appointment } from '../api';

/** The status in words; a booking whose time has gone by says so rather than "Booked". */
export function statusWords(
  t: TFunction,
  appointment: Pick<Appointment, 'status' | 'endsAt'>,
  now: number = Date.now(),
): string {
  if (
    (appointment.status === 'booked' || appointment.status === 'arrived') &&
    Date.parse(appointment.endsAt) <= now
  ) {
    return t('appointments.status.passed');
  }
  return t(`appointments.status.${appointment.status}`);
}
