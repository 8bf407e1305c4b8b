import { expectData } from '@portal/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { recordKeys } from './keys';
import type { VisitSummary } from './record-lists';

/**
 * GET /api/v1/patients/{patientId}/visit-summaries/{visitSummaryId} (operationId
 * getVisitSummary). Unknown ids answer 404.
 */
export function useVisitSummary(patientId: string, visitSummaryId: string) {
  return useQuery({
    queryKey: recordKeys.visitSummary(patientId, visitSummaryId),
    queryFn: async (): Promise<VisitSummary> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}', {
          params: { path: { patientId, visitSummaryId } },
        }),
      ),
  });
}
