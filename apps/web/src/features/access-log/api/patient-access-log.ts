import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type AccessLogPage = JsonResponse<'getPatientAccessLog', 200>;
export type AccessLogEntry = AccessLogPage['items'][number];
export type StaffRole = AccessLogEntry['staffRoles'][number];

/** Entries per "page"; the API allows up to 100. */
export const ACCESS_LOG_PAGE_SIZE = 20;

export function accessLogQueryKey(patientId: string) {
  return ['patients', patientId, 'access-log'] as const;
}

/**
 * GET /api/v1/patients/{patientId}/access-log (operationId getPatientAccessLog): what clinic
 * staff did with this patient's record, newest first, a page at a time (`nextCursor`).
 */
export function patientAccessLogQueryOptions(patientId: string) {
  return infiniteQueryOptions({
    queryKey: accessLogQueryKey(patientId),
    queryFn: async ({ pageParam }): Promise<AccessLogPage> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/access-log', {
          params: {
            path: { patientId },
            query: {
              limit: ACCESS_LOG_PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function usePatientAccessLog(patientId: string) {
  return useInfiniteQuery(patientAccessLogQueryOptions(patientId));
}
