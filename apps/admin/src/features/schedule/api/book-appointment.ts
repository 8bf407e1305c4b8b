import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { refreshAfterAppointmentChange } from './invalidate';
import { scheduleKeys } from './keys';

export type BookAppointmentRequest = JsonRequestBody<'bookAppointment'>;

/** POST /api/v1/patients/{patientId}/appointments (operationId bookAppointment). */
export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.all, 'book'],
      mutationFn: async ({
        patientId,
        body,
      }: {
        patientId: string;
        body: BookAppointmentRequest;
      }) =>
        expectData(
          await api.POST('/api/v1/patients/{patientId}/appointments', {
            params: { path: { patientId } },
            body,
          }),
        ),
      // A refusal (a time taken meanwhile) also means the open times on screen are stale.
      onSettled: (_data, _error, { patientId }) =>
        refreshAfterAppointmentChange(queryClient, patientId),
    }),
  );
}
