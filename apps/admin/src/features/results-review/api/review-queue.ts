import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { resultsReviewKeys } from './keys';

export type ReviewQueuePage = JsonResponse<'listResultsForReview', 200>;
export type ReviewItem = ReviewQueuePage['items'][number];

/** GET /api/v1/results/review-queue (operationId listResultsForReview): oldest first. */
export function reviewQueueQueryOptions() {
  return infiniteQueryOptions({
    queryKey: resultsReviewKeys.queue(),
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/results/review-queue', {
          params: { query: { limit: 50, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: ReviewQueuePage) => page.nextCursor ?? undefined,
    // A queue: coming back to it should show what is waiting now.
    refetchOnMount: 'always',
  });
}

export function useReviewQueue() {
  return useInfiniteQuery(reviewQueueQueryOptions());
}
