import { expectData, type JsonResponse } from '@portal/api-client';
import {
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { resultKeys } from './keys';
import type { ResultPage } from './results';

export type ResultReport = JsonResponse<'getResult', 200>;
export type Observation = ResultReport['observations'][number];

/** The server cleared the report's "new" mark; say so in the lists and counts already loaded. */
function markOpened(queryClient: QueryClient, patientId: string, reportId: string): void {
  queryClient.setQueriesData<InfiniteData<ResultPage>>(
    { queryKey: resultKeys.lists(patientId) },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((item) =>
            item.id === reportId && item.isNew ? { ...item, isNew: false } : item,
          ),
        })),
      },
  );
  void queryClient.invalidateQueries({ queryKey: resultKeys.healthSummary(patientId) });
}

/**
 * GET /api/v1/patients/{patientId}/results/{reportId} (operationId getResult): the report with
 * its values. The first opening marks it seen on the server. Unknown ids answer 404.
 */
export function useResult(patientId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: resultKeys.detail(patientId, reportId),
    queryFn: async (): Promise<ResultReport> => {
      const report = expectData(
        await api.GET('/api/v1/patients/{patientId}/results/{reportId}', {
          params: { path: { patientId, reportId } },
        }),
      );
      markOpened(queryClient, patientId, reportId);
      return report;
    },
  });
}
