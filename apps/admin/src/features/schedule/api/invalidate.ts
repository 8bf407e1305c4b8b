import type { QueryClient } from '@tanstack/react-query';
import { scheduleKeys } from './keys';

/**
 * After any change to an appointment: the calendars, the patient's lists, open times and
 * conflicts may all show it, so each is loaded again.
 */
export async function refreshAfterAppointmentChange(
  queryClient: QueryClient,
  patientId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: scheduleKeys.calendars() }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.patientAppointments(patientId) }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.appointments() }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.slots() }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.conflicts() }),
  ]);
}
