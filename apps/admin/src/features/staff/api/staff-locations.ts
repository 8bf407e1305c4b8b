import { expectData, type JsonResponse } from '@portal/api-client';
import {
  mutationOptions,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';

export type StaffLocations = JsonResponse<'getStaffLocations', 200>;
export type ClinicLocation = JsonResponse<'listLocations', 200>['items'][number];

const locationsKey = (accountId: string) => [...staffKeys.all, 'locations', accountId] as const;

/** GET /api/v1/staff/{accountId}/locations (operationId getStaffLocations). */
export function useStaffLocations(accountId: string) {
  return useQuery(
    queryOptions({
      queryKey: locationsKey(accountId),
      queryFn: async ({ signal }) =>
        expectData(
          await api.GET('/api/v1/staff/{accountId}/locations', {
            params: { path: { accountId } },
            signal,
          }),
        ),
    }),
  );
}

/** GET /api/v1/locations (operationId listLocations): the first 100, by name, to choose from. */
export function useClinicLocations() {
  return useQuery(
    queryOptions({
      queryKey: [...staffKeys.all, 'clinic-locations'] as const,
      queryFn: async ({ signal }) =>
        expectData(
          await api.GET('/api/v1/locations', { params: { query: { limit: 100 } }, signal }),
        ).items,
    }),
  );
}

/** PUT /api/v1/staff/{accountId}/locations (operationId setStaffLocations). */
export function useSetStaffLocations(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...staffKeys.all, 'set-locations', accountId],
      mutationFn: async (locationIds: string[]) =>
        expectData(
          await api.PUT('/api/v1/staff/{accountId}/locations', {
            params: { path: { accountId } },
            body: { locationIds },
          }),
        ),
      onSuccess: (locations) => queryClient.setQueryData(locationsKey(accountId), locations),
    }),
  );
}
