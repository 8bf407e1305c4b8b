/** Query keys of this feature; mutations invalidate by these prefixes. */
export const resultsReviewKeys = {
  all: ['results-review'] as const,
  queue: () => [...resultsReviewKeys.all, 'queue'] as const,
  policy: () => [...resultsReviewKeys.all, 'policy'] as const,
};
