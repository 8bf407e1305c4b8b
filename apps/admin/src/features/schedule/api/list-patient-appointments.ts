import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type AppointmentPage = JsonResponse<'listPatientAppointments', 200>;
export type When = 'upcoming' | 'past';

export const APPOINTMENT_PAGE_SIZE = 20;

/** GET /api/v1/patients/{patientId}/appointments (operationId listPatientAppointments). */
export function patientAppointmentsQueryOptions(patientId: string, when: When) {
  return infiniteQueryOptions({
    queryKey: [...scheduleKeys.patientAppointments(patientId), when] as const,
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/appointments', {
          params: {
            path: { patientId },
            query: { when, limit: APPOINTMENT_PAGE_SIZE, cursor: pageParam },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: AppointmentPage) => page.nextCursor ?? undefined,
  });
}

export function usePatientAppointments(patientId: string, when: When) {
  return useInfiniteQuery(patientAppointmentsQueryOptions(patientId, when));
}
