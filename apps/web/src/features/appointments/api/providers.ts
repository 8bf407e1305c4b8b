import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { collectPages } from './collect-pages';
import { schedulingKeys } from './keys';

export type Provider = JsonResponse<'listProviders', 200>['items'][number];

/**
 * GET /api/v1/providers?visitTypeId= (operationId listProviders): the active providers who
 * offer this kind of visit, by name, each with the locations where they see patients.
 */
export function providersQueryOptions(visitTypeId: string) {
  return queryOptions({
    queryKey: schedulingKeys.providers(visitTypeId),
    queryFn: (): Promise<Provider[]> =>
      collectPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/providers', {
            params: { query: { visitTypeId, limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useProviders(visitTypeId: string) {
  return useQuery(providersQueryOptions(visitTypeId));
}
