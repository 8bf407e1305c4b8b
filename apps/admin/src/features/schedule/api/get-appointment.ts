import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type Appointment = JsonResponse<'getAppointment', 200>;
export type Reminder = NonNullable<Appointment['reminders']>[number];

/** GET /api/v1/patients/{patientId}/appointments/{appointmentId} (operationId getAppointment). */
export function appointmentQueryOptions(patientId: string, appointmentId: string) {
  return queryOptions({
    queryKey: [...scheduleKeys.appointments(), appointmentId] as const,
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/appointments/{appointmentId}', {
          params: { path: { patientId, appointmentId } },
          signal,
        }),
      ),
  });
}

/** Loads only once asked for (the schedule shows reminders on demand: each read is audited). */
export function useAppointment(patientId: string, appointmentId: string, enabled: boolean) {
  return useQuery({ ...appointmentQueryOptions(patientId, appointmentId), enabled });
}
