import { expectData, type JsonResponse } from '@portal/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type StaffAccount = JsonResponse<'listStaff', 200>['items'][number];

/**
 * GET /api/v1/staff (operationId listStaff), narrowed to active accounts with the provider
 * role: the only ones a provider can be linked to.
 */
export function useProviderAccounts() {
  return useQuery({
    queryKey: clinicKeys.providerAccounts(),
    queryFn: async ({ signal }) => {
      const { items } = expectData(await api.GET('/api/v1/staff', { signal }));
      return items.filter(
        (account) => account.status === 'active' && account.roles.includes('provider'),
      );
    },
  });
}
