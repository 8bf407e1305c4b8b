import type { JsonRequestBody, JsonResponse } from '@portal/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';
import { CATALOG_PATHS } from '../../../lib/catalog';

export type StaffAccount = JsonResponse<'listStaff', 200>['items'][number];
export type CreateLocationRequest = JsonRequestBody<'createLocation'>;
export type UpdateLocationRequest = JsonRequestBody<'updateLocation'>;
export type UpdateProviderRequest = JsonRequestBody<'updateProvider'>;
export type UpdateVisitTypeRequest = JsonRequestBody<'updateVisitType'>;

/** Creating or changing (only the sent fields) a catalog entry reloads that whole list. */
export function useCatalogChange(list: keyof typeof CATALOG_PATHS) {
  const queryClient = useQueryClient();
  return { onSuccess: () => invalidatePaths(queryClient, CATALOG_PATHS[list]) };
}

/** Staff accounts a provider can be linked to: active ones with the provider role. */
export function useProviderAccounts() {
  return useQuery({
    ...$api.queryOptions('get', '/api/v1/staff'),
    select: ({ items }) =>
      items.filter((account) => account.status === 'active' && account.roles.includes('provider')),
  });
}
