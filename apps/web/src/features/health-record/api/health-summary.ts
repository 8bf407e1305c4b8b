import { expectData, type JsonResponse } from '@portal/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { recordKeys } from './keys';

export type HealthSummary = JsonResponse<'getHealthSummary', 200>;
export type Vital = HealthSummary['latestVitals'][number];

/**
 * GET /api/v1/patients/{patientId}/health-summary (operationId getHealthSummary): the active
 * conditions and allergies, recent vaccines, latest vital signs, active care plans, the last
 * visit summary and the count of new results, in one answer.
 */
export function useHealthSummary(patientId: string) {
  return useQuery({
    queryKey: recordKeys.healthSummary(patientId),
    queryFn: async (): Promise<HealthSummary> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/health-summary', {
          params: { path: { patientId } },
        }),
      ),
  });
}
