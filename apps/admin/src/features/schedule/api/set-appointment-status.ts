import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { refreshAfterAppointmentChange } from './invalidate';
import { scheduleKeys } from './keys';

export type StatusMark = JsonRequestBody<'setAppointmentStatus'>['status'];

/** POST …/appointments/{appointmentId}/status (operationId setAppointmentStatus). */
export function useSetAppointmentStatus() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.all, 'status'],
      mutationFn: async ({
        patientId,
        appointmentId,
        version,
        status,
      }: {
        patientId: string;
        appointmentId: string;
        version: number;
        status: StatusMark;
      }) =>
        expectData(
          await api.POST('/api/v1/patients/{patientId}/appointments/{appointmentId}/status', {
            params: { path: { patientId, appointmentId } },
            body: { version, status },
          }),
        ),
      onSettled: (_data, _error, { patientId }) =>
        refreshAfterAppointmentChange(queryClient, patientId),
    }),
  );
}
