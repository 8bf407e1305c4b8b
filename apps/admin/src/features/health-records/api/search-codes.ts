import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../../lib/api';
import type { CodeSystem } from './types';

/** Codes matching what was typed; nothing is asked for until something is typed. */
export function useCodeSearch(system: CodeSystem, query: string, limit = 10) {
  const q = query.trim();
  return $api.useQuery(
    'get',
    '/api/v1/code-systems/{system}/codes',
    { params: { path: { system }, query: { q, limit } } },
    // The code lists change only with a release of the portal.
    { enabled: q.length > 0, staleTime: Infinity, placeholderData: keepPreviousData },
  );
}
