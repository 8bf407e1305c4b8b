import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type PatientMatch = JsonResponse<'searchPatients', 200>['items'][number];

/** Enough to pick from; a longer list means the search should be narrower. */
const MATCH_LIMIT = 10;

/**
 * GET /api/v1/patients (operationId searchPatients), first page only: a name prefix or an
 * exact MRN, to choose whom an appointment is for. Every search is audited, so it runs only
 * when asked.
 */
export function patientMatchesQueryOptions(query: string) {
  return queryOptions({
    queryKey: scheduleKeys.patientSearch(query),
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/patients', {
          params: { query: { query, limit: MATCH_LIMIT } },
          signal,
        }),
      ),
  });
}

export function usePatientMatches(query: string) {
  return useQuery({ ...patientMatchesQueryOptions(query), enabled: query.length > 0 });
}
