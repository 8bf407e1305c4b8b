import { expectData, type JsonResponse, type ApiClient } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAuthUi } from '../context';

export type SecuritySettings = JsonResponse<'getSecuritySettings', 200>;

/** Everything under this key belongs to the signed-in person's own account settings. */
export const accountQueryKey = ['account'] as const;
export const securitySettingsQueryKey = [...accountQueryKey, 'security'] as const;

/** GET /api/v1/account/security (operationId getSecuritySettings). */
export function securitySettingsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: securitySettingsQueryKey,
    queryFn: async (): Promise<SecuritySettings> =>
      expectData(await api.GET('/api/v1/account/security')),
  });
}

export function useSecuritySettings() {
  const { api } = useAuthUi();
  return useQuery(securitySettingsQueryOptions(api));
}
