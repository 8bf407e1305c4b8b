import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { refreshAfterAppointmentChange } from './invalidate';
import { scheduleKeys } from './keys';

export type CancelRequest = JsonRequestBody<'cancelAppointment'>;

/** POST …/appointments/{appointmentId}/cancel (operationId cancelAppointment). */
export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.all, 'cancel'],
      mutationFn: async ({
        patientId,
        appointmentId,
        body,
      }: {
        patientId: string;
        appointmentId: string;
        body: CancelRequest;
      }) =>
        expectData(
          await api.POST('/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel', {
            params: { path: { patientId, appointmentId } },
            body,
          }),
        ),
      onSettled: (_data, _error, { patientId }) =>
        refreshAfterAppointmentChange(queryClient, patientId),
    }),
  );
}
