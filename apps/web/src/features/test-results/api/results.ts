import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ResultFilters } from '../utils/filters';
import { resultKeys } from './keys';

export type ResultPage = JsonResponse<'listResults', 200>;
export type ResultSummary = ResultPage['items'][number];
export type ResultCategory = ResultSummary['category'];

/** Cards per "page"; the API allows up to 100. */
export const RESULTS_PAGE_SIZE = 20;

/**
 * GET /api/v1/patients/{patientId}/results (operationId listResults): released reports,
 * newest first, a page at a time (`nextCursor`), narrowed by category and collection dates.
 */
export function resultsQueryOptions(patientId: string, filters: ResultFilters) {
  return infiniteQueryOptions({
    queryKey: resultKeys.list(patientId, filters),
    queryFn: async ({ pageParam }): Promise<ResultPage> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/results', {
          params: {
            path: { patientId },
            query: {
              limit: RESULTS_PAGE_SIZE,
              ...(filters.category ? { category: filters.category } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useResults(patientId: string, filters: ResultFilters) {
  return useInfiniteQuery(resultsQueryOptions(patientId, filters));
}
