import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { recordKeys, type DateRange } from './keys';

export type Condition = JsonResponse<'listConditions', 200>['items'][number];
export type Allergy = JsonResponse<'listAllergies', 200>['items'][number];
export type Immunization = JsonResponse<'listImmunizations', 200>['items'][number];
export type VisitSummary = JsonResponse<'listVisitSummaries', 200>['items'][number];
export type CarePlan = JsonResponse<'listCarePlans', 200>['items'][number];
export type Medication = JsonResponse<'listMedications', 200>['items'][number];

export interface RecordItems {
  conditions: Condition;
  allergies: Allergy;
  immunizations: Immunization;
  'visit-summaries': VisitSummary;
  'care-plans': CarePlan;
  medications: Medication;
}
export type RecordKind = keyof RecordItems;

export interface RecordPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Entries per "page"; the API allows up to 100. */
export const RECORD_PAGE_SIZE = 20;

interface PageQuery {
  limit: number;
  cursor?: string;
  from?: string;
  to?: string;
}

/** One GET per kind: GET /api/v1/patients/{patientId}/{kind}, newest first. */
const fetchers: {
  [K in RecordKind]: (patientId: string, query: PageQuery) => Promise<RecordPage<RecordItems[K]>>;
} = {
  conditions: async (patientId, query) =>
    expectData(
      await api.GET('/api/v1/patients/{patientId}/conditions', {
        params: { path: { patientId }, query },
      }),
    ),
  allergies: async (patientId, query) =>
    expectData(
      await api.GET('/api/v1/patients/{patientId}/allergies', {
        params: { path: { patientId }, query },
      }),
    ),
  immunizations: async (patientId, query) =>
    expectData(
      await api.GET('/api/v1/patients/{patientId}/immunizations', {
        params: { path: { patientId }, query },
      }),
    ),
  'visit-summaries': async (patientId, query) =>
    expectData(
      await api.GET('/api/v1/patients/{patientId}/visit-summaries', {
        params: { path: { patientId }, query },
      }),
    ),
  'care-plans': async (patientId, query) =>
    expectData(
      await api.GET('/api/v1/patients/{patientId}/care-plans', {
        params: { path: { patientId }, query },
      }),
    ),
  medications: async (patientId, query) =>
    expectData(
      await api.GET('/api/v1/patients/{patientId}/medications', {
        params: { path: { patientId }, query },
      }),
    ),
};

/**
 * A record list (operationIds listConditions, listAllergies, listImmunizations,
 * listVisitSummaries, listCarePlans, listMedications), a page at a time, narrowed to a date range.
 */
export function recordListQueryOptions<K extends RecordKind>(
  patientId: string,
  kind: K,
  range: DateRange,
) {
  return infiniteQueryOptions({
    queryKey: recordKeys.list(patientId, kind, range),
    queryFn: ({ pageParam }): Promise<RecordPage<RecordItems[K]>> =>
      fetchers[kind](patientId, {
        limit: RECORD_PAGE_SIZE,
        ...(range.from ? { from: range.from } : {}),
        ...(range.to ? { to: range.to } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useRecordList<K extends RecordKind>(patientId: string, kind: K, range: DateRange) {
  return useInfiniteQuery(recordListQueryOptions(patientId, kind, range));
}
