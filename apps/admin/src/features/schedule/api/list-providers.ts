import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { loadAllPages } from './all-pages';
import { scheduleKeys } from './keys';

export type Provider = JsonResponse<'listProviders', 200>['items'][number];

/** GET /api/v1/providers (operationId listProviders), every page, by name. */
export function providersQueryOptions() {
  return queryOptions({
    queryKey: scheduleKeys.providers(),
    queryFn: ({ signal }) =>
      loadAllPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/providers', { params: { query: { limit: 100, cursor } }, signal }),
        ),
      ),
  });
}

export function useProviders() {
  return useQuery(providersQueryOptions());
}
