import type { QueryClient } from '@tanstack/react-query';
import type { Appointment } from './appointment';
import { appointmentKeys, schedulingKeys } from './keys';

/**
 * After a booking, a new time or a cancellation: the record is stored as the API returned it,
 * and every list of the patient's appointments and every set of open times is refreshed.
 * Not awaited: the page moves on at once, rather than first showing the time it just took
 * disappear from the open times.
 */
export function afterAppointmentChange(
  queryClient: QueryClient,
  patientId: string,
  appointment: Appointment,
): void {
  queryClient.setQueryData(appointmentKeys.detail(patientId, appointment.id), appointment);
  void queryClient.invalidateQueries({
    queryKey: appointmentKeys.all(patientId),
    // The record just stored is the newest there is.
    predicate: (query) => query.queryKey[4] !== appointment.id,
    // Lists not on screen reload now too, so going back never shows the old state first.
    refetchType: 'all',
  });
  void queryClient.invalidateQueries({ queryKey: schedulingKeys.allSlots });
}
