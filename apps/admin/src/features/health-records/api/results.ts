import { expectData } from '@portal/api-client';
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { healthRecordKeys } from './keys';
import type {
  CreateResultBody,
  CreateVitalSignsBody,
  Observation,
  UpdateObservationBody,
} from './types';

export const RESULTS_PAGE_SIZE = 20;

export interface ResultFilters {
  category?: 'laboratory' | 'imaging' | 'other';
  abnormal?: boolean;
}

/** GET /api/v1/patients/{patientId}/results (operationId listResults). */
export function resultsQueryOptions(patientId: string, filters: ResultFilters) {
  return infiniteQueryOptions({
    queryKey: [...healthRecordKeys.results(patientId), 'list', filters] as const,
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/results', {
          params: {
            path: { patientId },
            query: {
              limit: RESULTS_PAGE_SIZE,
              cursor: pageParam,
              category: filters.category,
              abnormal: filters.abnormal ? true : undefined,
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor?: string | null }) => page.nextCursor ?? undefined,
  });
}

export function useResults(patientId: string, filters: ResultFilters) {
  return useInfiniteQuery(resultsQueryOptions(patientId, filters));
}

/** GET …/results/{reportId} (operationId getResult). */
export function useResult(patientId: string, reportId: string) {
  return useQuery({
    queryKey: [...healthRecordKeys.results(patientId), 'report', reportId] as const,
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/results/{reportId}', {
          params: { path: { patientId, reportId } },
          signal,
        }),
      ),
  });
}

/** GET /api/v1/patients/{patientId}/vitals (operationId listVitals): the newest first. */
export function useVitals(patientId: string) {
  return useQuery({
    queryKey: healthRecordKeys.vitals(patientId),
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/vitals', {
          params: { path: { patientId }, query: { limit: 30 } },
          signal,
        }),
      ),
  });
}

/** POST …/results (operationId createResult); held or released as the policy says. */
export function useCreateResult(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...healthRecordKeys.all, 'create-result'],
    mutationFn: async (body: CreateResultBody) =>
      expectData(
        await api.POST('/api/v1/patients/{patientId}/results', {
          params: { path: { patientId } },
          body,
        }),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: healthRecordKeys.results(patientId) }),
  });
}

/** POST …/vitals (operationId createVitalSigns); vital signs are released at once. */
export function useCreateVitalSigns(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...healthRecordKeys.all, 'create-vitals'],
    mutationFn: async (body: CreateVitalSignsBody) =>
      expectData(
        await api.POST('/api/v1/patients/{patientId}/vitals', {
          params: { path: { patientId } },
          body,
        }),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: healthRecordKeys.vitals(patientId) }),
  });
}

/** PATCH …/observations/{observationId} (operationId updateObservation): a correction. */
export function useUpdateObservation(patientId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...healthRecordKeys.all, 'update-observation'],
    mutationFn: async ({
      observationId,
      body,
    }: {
      observationId: string;
      body: UpdateObservationBody;
    }) =>
      expectData(
        await api.PATCH(
          '/api/v1/patients/{patientId}/results/{reportId}/observations/{observationId}',
          { params: { path: { patientId, reportId, observationId } }, body },
        ),
      ) as Observation,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: healthRecordKeys.results(patientId) }),
        queryClient.invalidateQueries({ queryKey: [...healthRecordKeys.all, 'history'] }),
      ]),
  });
}

export function observationHistoryPath(
  patientId: string,
  reportId: string,
  observationId: string,
): string {
  return [
    '/api/v1/patients',
    encodeURIComponent(patientId),
    'results',
    encodeURIComponent(reportId),
    'observations',
    encodeURIComponent(observationId),
    'history',
  ].join('/');
}

/** POST …/results/{reportId}/release (operationId releaseResult): providers only. */
export function useReleaseResult(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...healthRecordKeys.all, 'release'],
    mutationFn: async ({ reportId, version }: { reportId: string; version: number }) =>
      expectData(
        await api.POST('/api/v1/patients/{patientId}/results/{reportId}/release', {
          params: { path: { patientId, reportId } },
          body: { version },
        }),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: healthRecordKeys.results(patientId) }),
  });
}
