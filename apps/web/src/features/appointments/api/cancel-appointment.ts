import { expectData, type JsonRequestBody } from '@portal/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Appointment } from './appointment';
import { afterAppointmentChange } from './changes';

export type CancelAppointmentRequest = JsonRequestBody<'cancelAppointment'>;

/**
 * POST …/appointments/{appointmentId}/cancel (operationId cancelAppointment), with the reason.
 * A stale `version` answers 409 appointment_changed; inside the cutoff, 422 inside_cutoff.
 */
export function useCancelAppointment(patientId: string, appointmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['appointments', 'cancel', appointmentId],
    mutationFn: async (body: CancelAppointmentRequest): Promise<Appointment> =>
      expectData(
        await api.POST('/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel', {
          params: { path: { patientId, appointmentId } },
          body,
        }),
      ),
    onSuccess: (appointment) => afterAppointmentChange(queryClient, patientId, appointment),
  });
}
