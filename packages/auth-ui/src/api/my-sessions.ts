import { expectData, type ApiClient, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { accountQueryKey } from './security-settings';

export type ActiveSession = JsonResponse<'listMySessions', 200>['items'][number];

export const mySessionsQueryKey = [...accountQueryKey, 'sessions'] as const;

/** GET /api/v1/account/sessions (operationId listMySessions): where this account is signed in. */
export function mySessionsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: mySessionsQueryKey,
    queryFn: async (): Promise<ActiveSession[]> =>
      expectData(await api.GET('/api/v1/account/sessions')).items,
    // Shown as "last active": keep it fresh while the page is open.
    staleTime: 0,
  });
}

export function useMySessions() {
  const { api } = useAuthUi();
  return useQuery(mySessionsQueryOptions(api));
}
