import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { refreshAfterAppointmentChange } from './invalidate';
import { scheduleKeys } from './keys';

export type RescheduleRequest = JsonRequestBody<'rescheduleAppointment'>;

/** POST …/appointments/{appointmentId}/reschedule (operationId rescheduleAppointment). */
export function useRescheduleAppointment() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.all, 'reschedule'],
      mutationFn: async ({
        patientId,
        appointmentId,
        body,
      }: {
        patientId: string;
        appointmentId: string;
        body: RescheduleRequest;
      }) =>
        expectData(
          await api.POST('/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule', {
            params: { path: { patientId, appointmentId } },
            body,
          }),
        ),
      // A refusal (taken time, changed meanwhile) also means the screen is out of date.
      onSettled: (_data, _error, { patientId }) =>
        refreshAfterAppointmentChange(queryClient, patientId),
    }),
  );
}
