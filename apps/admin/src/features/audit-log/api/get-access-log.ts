import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { auditKeys } from './keys';

export type AccessLogPage = JsonResponse<'getPatientAccessLog', 200>;
export type AccessLogEntry = AccessLogPage['items'][number];

/**
 * GET /api/v1/patients/{patientId}/access-log (operationId getPatientAccessLog): what staff
 * did with one patient's record, newest first, in plain words. Administrators only.
 */
export function accessLogQueryOptions(patientId: string) {
  return infiniteQueryOptions({
    queryKey: auditKeys.accessLog(patientId),
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/access-log', {
          params: { path: { patientId }, query: { limit: 50, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: AccessLogPage) => page.nextCursor ?? undefined,
  });
}

export function useAccessLog(patientId: string) {
  return useInfiniteQuery(accessLogQueryOptions(patientId));
}
