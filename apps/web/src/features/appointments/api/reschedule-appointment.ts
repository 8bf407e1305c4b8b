import { expectData, type JsonRequestBody } from '@portal/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Appointment } from './appointment';
import { afterAppointmentChange } from './changes';

export type RescheduleAppointmentRequest = JsonRequestBody<'rescheduleAppointment'>;

/**
 * POST …/appointments/{appointmentId}/reschedule (operationId rescheduleAppointment): the old
 * time is released and the new one taken in one step. A stale `version` answers 409
 * appointment_changed; inside the cutoff, 422 inside_cutoff.
 */
export function useRescheduleAppointment(patientId: string, appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['appointments', 'reschedule', appointmentId],
    mutationFn: async (body: RescheduleAppointmentRequest): Promise<Appointment> =>
      expectData(
        await api.POST('/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule', {
          params: { path: { patientId, appointmentId } },
          body,
        }),
      ),
    onSuccess: (appointment) => afterAppointmentChange(queryClient, patientId, appointment),
  });
}
