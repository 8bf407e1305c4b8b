import type { JsonRequestBody, JsonResponse } from '@portal/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, pathKey } from '../../../lib/api';
import { CATALOG_PATHS } from '../../../lib/catalog';

export type StaffAccount = JsonResponse<'listStaff', 200>['items'][number];
export type CreateLocationRequest = JsonRequestBody<'createLocation'>;
export type UpdateLocationRequest = JsonRequestBody<'updateLocation'>;
export type UpdateProviderRequest = JsonRequestBody<'updateProvider'>;
export type UpdateVisitTypeRequest = JsonRequestBody<'updateVisitType'>;
export type CarePool = JsonResponse<'listCarePools', 200>['items'][number];
export type PoolDepartment = CarePool['department'];
export type CreateCarePoolRequest = JsonRequestBody<'createCarePool'>;
export type UpdateCarePoolRequest = JsonRequestBody<'updateCarePool'>;
export type MessageRouting = JsonResponse<'listMessageRouting', 200>['items'][number];
export type MessageCategory = MessageRouting['category'];
export type ReplyTemplate = JsonResponse<'listReplyTemplates', 200>['items'][number];
export type UpdateReplyTemplateRequest = JsonRequestBody<'updateReplyTemplate'>;

/** Clinic settings' messaging lists: each is short (a few dozen at most) and read whole. */
export const MESSAGING_PATHS = {
  carePools: '/api/v1/care-pools',
  routing: '/api/v1/message-routing',
  replyTemplates: '/api/v1/reply-templates',
} as const;

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

/** Every care-team pool, by name. */
export function useCarePools() {
  return useQuery({
    ...$api.queryOptions('get', MESSAGING_PATHS.carePools),
    select: ({ items }) => items,
  });
}

/** Each message category with the pool that reads it and the answer time promised. */
export function useMessageRouting() {
  return useQuery({
    ...$api.queryOptions('get', MESSAGING_PATHS.routing),
    select: ({ items }) => items,
  });
}

/** Every reply template, by name, retired ones too. */
export function useReplyTemplates() {
  return useQuery({
    ...$api.queryOptions('get', MESSAGING_PATHS.replyTemplates),
    select: ({ items }) => items,
  });
}

/**
 * A pool's change reloads the pools and the routing (which names each category's pool and
 * whether it still takes messages).
 */
export function useCarePoolChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: () =>
      invalidatePaths(queryClient, MESSAGING_PATHS.carePools, MESSAGING_PATHS.routing),
  };
}

/** A routing change answers with the whole routing, which replaces the cached one. */
export function useRoutingChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (routing: JsonResponse<'setMessageRouting', 200>) => {
      queryClient.setQueriesData({ queryKey: pathKey(MESSAGING_PATHS.routing) }, routing);
    },
  };
}

/** Creating or changing a reply template reloads the list. */
export function useReplyTemplateChange() {
  const queryClient = useQueryClient();
  return { onSuccess: () => invalidatePaths(queryClient, MESSAGING_PATHS.replyTemplates) };
}
