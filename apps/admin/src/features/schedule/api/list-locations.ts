import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { loadAllPages } from './all-pages';
import { scheduleKeys } from './keys';

export type Location = JsonResponse<'listLocations', 200>['items'][number];

/** GET /api/v1/locations (operationId listLocations), every page, by name. */
export function locationsQueryOptions() {
  return queryOptions({
    queryKey: scheduleKeys.locations(),
    queryFn: ({ signal }) =>
      loadAllPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/locations', { params: { query: { limit: 100, cursor } }, signal }),
        ),
      ),
  });
}

export function useLocations() {
  return useQuery(locationsQueryOptions());
}
