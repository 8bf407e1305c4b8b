import { expectData, type JsonRequestBody, type JsonResponse } from '@portal/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { resultsReviewKeys } from './keys';

export type ReleasePolicy = JsonResponse<'getResultReleasePolicy', 200>;
export type ReleasePolicyUpdate = JsonRequestBody<'updateResultReleasePolicy'>;

/** GET /api/v1/results/release-policy (operationId getResultReleasePolicy). */
export function useReleasePolicy() {
  return useQuery({
    queryKey: resultsReviewKeys.policy(),
    queryFn: async ({ signal }) =>
      expectData(await api.GET('/api/v1/results/release-policy', { signal })),
  });
}

/** PUT /api/v1/results/release-policy (operationId updateResultReleasePolicy): admins. */
export function useUpdateReleasePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...resultsReviewKeys.all, 'update-policy'],
    mutationFn: async (body: ReleasePolicyUpdate) =>
      expectData(await api.PUT('/api/v1/results/release-policy', { body })),
    onSuccess: (data) => queryClient.setQueryData(resultsReviewKeys.policy(), data),
  });
}
