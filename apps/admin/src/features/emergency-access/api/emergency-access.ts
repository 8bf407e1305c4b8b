import { expectData, isApiError, type JsonResponse } from '@portal/api-client';
import {
  infiniteQueryOptions,
  mutationOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { emergencyAccessKeys } from './keys';

export type EmergencyAccessGrant = JsonResponse<'createEmergencyAccess', 201>;
export type EmergencyAccessPage = JsonResponse<'listEmergencyAccess', 200>;
export type EmergencyAccessItem = EmergencyAccessPage['items'][number];

/** The code of a clinical read refused for want of a care relationship (403). */
export const CARE_RELATIONSHIP_REQUIRED = 'care_relationship_required';

export function isCareRefusal(error: unknown): boolean {
  return isApiError(error) && error.code === CARE_RELATIONSHIP_REQUIRED;
}

/**
 * POST /api/v1/patients/{patientId}/emergency-access (operationId createEmergencyAccess):
 * break the glass, with a reason. The caller's refused queries about the patient are then
 * reset, so the tab loads again.
 */
export function useGrantEmergencyAccess(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...emergencyAccessKeys.all, 'grant', patientId],
      mutationFn: async (reason: string) =>
        expectData(
          await api.POST('/api/v1/patients/{patientId}/emergency-access', {
            params: { path: { patientId } },
            body: { reason },
          }),
        ),
      onSuccess: () =>
        queryClient.resetQueries({
          predicate: (query) =>
            query.queryKey.includes(patientId) && isCareRefusal(query.state.error),
        }),
    }),
  );
}

/** The review list's filters, as the API takes them (`from` and `to` are instants). */
export interface EmergencyAccessQuery {
  staffAccountId?: string;
  patientId?: string;
  from?: string;
  to?: string;
  reviewed?: 'true' | 'false';
}

export const EMERGENCY_ACCESS_PAGE_SIZE = 50;

/** GET /api/v1/emergency-access (operationId listEmergencyAccess): newest first, page by page. */
export function emergencyAccessListOptions(query: EmergencyAccessQuery) {
  return infiniteQueryOptions({
    queryKey: emergencyAccessKeys.list(query),
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/emergency-access', {
          params: {
            query: { ...query, limit: EMERGENCY_ACCESS_PAGE_SIZE, cursor: pageParam },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: EmergencyAccessPage) => page.nextCursor ?? undefined,
  });
}

export function useEmergencyAccessList(query: EmergencyAccessQuery) {
  return useInfiniteQuery(emergencyAccessListOptions(query));
}

/** POST /api/v1/emergency-access/{grantId}/review (operationId reviewEmergencyAccess). */
export function useReviewEmergencyAccess() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...emergencyAccessKeys.all, 'review'],
      mutationFn: async (grantId: string) =>
        expectData(
          await api.POST('/api/v1/emergency-access/{grantId}/review', {
            params: { path: { grantId } },
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: emergencyAccessKeys.all }),
    }),
  );
}
