import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { patientKeys } from './keys';

export type PatientPage = JsonResponse<'searchPatients', 200>;
export type PatientSummary = PatientPage['items'][number];

/** What the API searches by: a name prefix or exact MRN, and/or a date of birth. */
export interface PatientSearch {
  query?: string;
  dateOfBirth?: string;
}

export const PATIENT_PAGE_SIZE = 25;

/** GET /api/v1/patients (operationId searchPatients), one cursor page at a time. */
export function searchPatientsQueryOptions(search: PatientSearch) {
  return infiniteQueryOptions({
    queryKey: [...patientKeys.searches(), search] as const,
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/patients', {
          params: { query: { ...search, limit: PATIENT_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: PatientPage) => page.nextCursor ?? undefined,
  });
}

/** Runs only when there is something to search for. */
export function useSearchPatients(search: PatientSearch | null) {
  return useInfiniteQuery({
    ...searchPatientsQueryOptions(search ?? {}),
    enabled: search !== null,
  });
}
