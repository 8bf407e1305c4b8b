import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type NextAppointment = JsonResponse<'listPatientAppointments', 200>['items'][number];

/**
 * GET /api/v1/patients/{patientId}/appointments?when=upcoming&limit=1 (operationId
 * listPatientAppointments): the soonest upcoming visit, or null. Its key sits under the
 * patient's appointments, so booking, moving or cancelling one refreshes it.
 */
export function nextAppointmentQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: ['patients', patientId, 'appointments', 'next'] as const,
    queryFn: async (): Promise<NextAppointment | null> => {
      const page = expectData(
        await api.GET('/api/v1/patients/{patientId}/appointments', {
          params: { path: { patientId }, query: { when: 'upcoming', limit: 1 } },
        }),
      );
      return page.items[0] ?? null;
    },
  });
}

export function useNextAppointment(patientId: string) {
  return useQuery(nextAppointmentQueryOptions(patientId));
}
