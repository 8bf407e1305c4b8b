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
import type { HealthRecordItem, Revision } from './types';

export type RecordKind =
  'conditions' | 'allergies' | 'immunizations' | 'visit-summaries' | 'care-plans' | 'medications';

/*
 * The kinds share one shape of routes (list, create, correct, history), so one set of
 * hooks serves them all; the paths below name the operations listConditions, createCondition,
 * updateCondition, getConditionHistory and their counterparts for the other kinds.
 */
function kindPath(patientId: string, kind: RecordKind, id?: string, history = false): string {
  const base = `/api/v1/patients/${encodeURIComponent(patientId)}/${kind}`;
  if (!id) return base;
  return `${base}/${encodeURIComponent(id)}${history ? '/history' : ''}`;
}

export interface RecordPage {
  items: HealthRecordItem[];
  nextCursor: string | null;
}

export const RECORD_PAGE_SIZE = 50;

// openapi-fetch fills `{name}` parameters from `params.path`; the kind-specific path is
// built here instead, so each call passes the finished path with no parameters.
type LooseGet = (path: string, init: object) => Promise<{ data?: unknown; response: Response }>;
const get = api.GET as unknown as LooseGet;
const post = api.POST as unknown as LooseGet;
const patch = api.PATCH as unknown as LooseGet;

export function recordsQueryOptions(patientId: string, kind: RecordKind) {
  return infiniteQueryOptions({
    queryKey: healthRecordKeys.records(patientId, kind),
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await get(kindPath(patientId, kind), {
          params: { query: { limit: RECORD_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ) as RecordPage,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: RecordPage) => page.nextCursor ?? undefined,
  });
}

export function useRecords(patientId: string, kind: RecordKind) {
  return useInfiniteQuery(recordsQueryOptions(patientId, kind));
}

export function useCreateRecord(patientId: string, kind: RecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...healthRecordKeys.all, 'create', kind],
    mutationFn: async (body: Record<string, unknown>) =>
      expectData(await post(kindPath(patientId, kind), { body })) as HealthRecordItem,
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: healthRecordKeys.records(patientId, kind) }),
  });
}

/** A correction: `{ version, reason, ...changed fields }`; the API keeps the old version. */
export function useUpdateRecord(patientId: string, kind: RecordKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...healthRecordKeys.all, 'update', kind],
    mutationFn: async ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      expectData(await patch(kindPath(patientId, kind, id), { body })) as HealthRecordItem,
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: healthRecordKeys.records(patientId, kind) }),
        queryClient.invalidateQueries({
          queryKey: healthRecordKeys.history(kindPath(patientId, kind, id, true)),
        }),
      ]),
  });
}

/** Earlier versions of a record or an observation, newest first (staff only). */
export function useHistory(path: string) {
  return useQuery({
    queryKey: healthRecordKeys.history(path),
    queryFn: async ({ signal }) => expectData(await get(path, { signal })) as { items: Revision[] },
  });
}

export function recordHistoryPath(patientId: string, kind: RecordKind, id: string): string {
  return kindPath(patientId, kind, id, true);
}
