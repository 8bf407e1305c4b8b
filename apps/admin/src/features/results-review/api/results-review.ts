import type { JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths, pagedQueryOptions } from '../../../lib/api';

export type ReleasePolicy = JsonResponse<'getResultReleasePolicy', 200>;

const POLICY = '/api/v1/results/release-policy';

/** Results held for review, oldest first. */
export function reviewQueueQueryOptions() {
  return {
    ...pagedQueryOptions('/api/v1/results/review-queue', { query: { limit: 50 } }),
    // A queue: coming back to it should show what is waiting now.
    refetchOnMount: 'always' as const,
  };
}

/** An import (all rows or none) may add reports held for review. */
export function useImportChange() {
  const queryClient = useQueryClient();
  return { onSuccess: () => invalidatePaths(queryClient, '/api/v1/results/review-queue') };
}

/** The saved policy is the answer: it replaces the cached one. */
export function usePolicyChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (policy: ReleasePolicy) =>
      queryClient.setQueryData($api.queryOptions('get', POLICY).queryKey, policy),
  };
}
