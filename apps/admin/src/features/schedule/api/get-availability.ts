import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type Availability = JsonResponse<'getProviderAvailability', 200>;
export type AvailabilityRule = Availability['rules'][number];
export type AvailabilityException = Availability['exceptions'][number];

/** GET /api/v1/providers/{providerId}/availability (operationId getProviderAvailability). */
export function availabilityQueryOptions(providerId: string) {
  return queryOptions({
    queryKey: scheduleKeys.availability(providerId),
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/providers/{providerId}/availability', {
          params: { path: { providerId } },
          signal,
        }),
      ),
  });
}

export function useAvailability(providerId: string) {
  return useQuery(availabilityQueryOptions(providerId));
}
