import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { loadAllPages } from './all-pages';
import { scheduleKeys } from './keys';

export type VisitType = JsonResponse<'listVisitTypes', 200>['items'][number];

/** GET /api/v1/visit-types (operationId listVisitTypes), every page, by name. */
export function visitTypesQueryOptions() {
  return queryOptions({
    queryKey: scheduleKeys.visitTypes(),
    queryFn: ({ signal }) =>
      loadAllPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/visit-types', {
            params: { query: { limit: 100, cursor } },
            signal,
          }),
        ),
      ),
  });
}

export function useVisitTypes() {
  return useQuery(visitTypesQueryOptions());
}
