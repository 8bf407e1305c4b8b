import { expectData, type JsonRequestBody } from '@portal/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Appointment } from './appointment';
import { afterAppointmentChange } from './changes';

export type BookAppointmentRequest = JsonRequestBody<'bookAppointment'>;

/**
 * POST /api/v1/patients/{patientId}/appointments (operationId bookAppointment). A time someone
 * else took a moment ago answers 409 slot_taken; the online booking rules answer 422.
 */
export function useBookAppointment(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['appointments', 'book'],
    mutationFn: async (body: BookAppointmentRequest): Promise<Appointment> =>
      expectData(
        await api.POST('/api/v1/patients/{patientId}/appointments', {
          params: { path: { patientId } },
          body,
        }),
      ),
    onSuccess: (appointment) => afterAppointmentChange(queryClient, patientId, appointment),
  });
}
