import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type ScheduleConflict = JsonResponse<'listScheduleConflicts', 200>['items'][number];

/** GET /api/v1/providers/{providerId}/conflicts (operationId listScheduleConflicts). */
export function conflictsQueryOptions(providerId: string) {
  return queryOptions({
    queryKey: [...scheduleKeys.conflicts(), providerId] as const,
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/providers/{providerId}/conflicts', {
          params: { path: { providerId } },
          signal,
        }),
      ),
  });
}

export function useConflicts(providerId: string) {
  return useQuery(conflictsQueryOptions(providerId));
}
