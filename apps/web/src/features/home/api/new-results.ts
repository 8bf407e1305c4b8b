import { expectData } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/**
 * GET /api/v1/patients/{patientId}/health-summary (operationId getHealthSummary), read for its
 * count of released results the patient has not opened. The key is the health record's, so
 * opening a result there refreshes this count.
 */
export function newResultsCountQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: ['patients', patientId, 'health-summary'] as const,
    queryFn: async () =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/health-summary', {
          params: { path: { patientId } },
        }),
      ),
    select: (summary) => summary.newResultsCount,
  });
}

export function useNewResultsCount(patientId: string) {
  return useQuery(newResultsCountQueryOptions(patientId));
}
