import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { collectPages } from './collect-pages';
import { schedulingKeys } from './keys';

export type VisitType = JsonResponse<'listVisitTypes', 200>['items'][number];

/**
 * GET /api/v1/visit-types (operationId listVisitTypes). Patients get only the kinds of visit
 * that are active and can be booked online.
 */
export function visitTypesQueryOptions() {
  return queryOptions({
    queryKey: schedulingKeys.visitTypes,
    queryFn: (): Promise<VisitType[]> =>
      collectPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/visit-types', {
            params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useVisitTypes() {
  return useQuery(visitTypesQueryOptions());
}
