import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { appointmentKeys } from './keys';

export type Appointment = JsonResponse<'getAppointment', 200>;
export type AppointmentStatus = Appointment['status'];
export type AppointmentLocation = Appointment['location'];

/**
 * GET /api/v1/patients/{patientId}/appointments/{appointmentId} (operationId getAppointment).
 * Another patient's id, or an unknown one, answers 404 appointment_not_found.
 */
export function appointmentQueryOptions(patientId: string, appointmentId: string) {
  return queryOptions({
    queryKey: appointmentKeys.detail(patientId, appointmentId),
    queryFn: async (): Promise<Appointment> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/appointments/{appointmentId}', {
          params: { path: { patientId, appointmentId } },
        }),
      ),
  });
}

export function useAppointment(patientId: string, appointmentId: string) {
  return useQuery(appointmentQueryOptions(patientId, appointmentId));
}
