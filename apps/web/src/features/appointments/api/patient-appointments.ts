import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { appointmentKeys } from './keys';

export type AppointmentPage = JsonResponse<'listPatientAppointments', 200>;
export type AppointmentListItem = AppointmentPage['items'][number];
export type AppointmentWhen = 'upcoming' | 'past';

/** Cards per "page"; the API allows up to 100. */
export const APPOINTMENTS_PAGE_SIZE = 10;

/**
 * GET /api/v1/patients/{patientId}/appointments (operationId listPatientAppointments):
 * upcoming visits earliest first, or past ones (cancelled included) latest first, a page at a
 * time (`nextCursor`).
 */
export function patientAppointmentsQueryOptions(patientId: string, when: AppointmentWhen) {
  return infiniteQueryOptions({
    queryKey: appointmentKeys.list(patientId, when),
    queryFn: async ({ pageParam }): Promise<AppointmentPage> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/appointments', {
          params: {
            path: { patientId },
            query: {
              when,
              limit: APPOINTMENTS_PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePatientAppointments(patientId: string, when: AppointmentWhen) {
  return useInfiniteQuery(patientAppointmentsQueryOptions(patientId, when));
}
