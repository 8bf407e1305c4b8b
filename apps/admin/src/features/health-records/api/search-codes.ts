import { expectData } from '@portal/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CodeSystem } from './types';
import { healthRecordKeys } from './keys';

/** GET /api/v1/code-systems/{system}/codes (operationId searchCodes). */
export function useCodeSearch(system: CodeSystem, query: string, limit = 10) {
  const q = query.trim();
  return useQuery({
    queryKey: healthRecordKeys.codes(system, `${q}|${limit}`),
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/code-systems/{system}/codes', {
          params: { path: { system }, query: { q, limit } },
          signal,
        }),
      ),
    enabled: q.length > 0,
    // The code lists change only with a release of the portal.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
