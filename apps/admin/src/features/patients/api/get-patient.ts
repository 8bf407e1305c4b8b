import { expectData } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { patientKeys } from './keys';

/** GET /api/v1/patients/{patientId} (operationId getPatient). Each read is audited. */
export function patientQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: patientKeys.detail(patientId),
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}', {
          params: { path: { patientId } },
          signal,
        }),
      ),
  });
}

export function usePatient(patientId: string) {
  return useQuery(patientQueryOptions(patientId));
}
