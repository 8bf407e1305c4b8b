import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { collectPages } from './collect-pages';
import { schedulingKeys } from './keys';

export type Location = JsonResponse<'listLocations', 200>['items'][number];

/** GET /api/v1/locations (operationId listLocations): the clinic's open locations, by name. */
export function locationsQueryOptions() {
  return queryOptions({
    queryKey: schedulingKeys.locations,
    queryFn: (): Promise<Location[]> =>
      collectPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/locations', {
            params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useLocations() {
  return useQuery(locationsQueryOptions());
}
