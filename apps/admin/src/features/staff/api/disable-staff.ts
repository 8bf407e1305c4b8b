import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';
import { storeStaffMember } from './list-staff';

/**
 * POST /api/v1/staff/{accountId}/disable (operationId disableStaff).
 * Disables a staff account: ends all its sessions and blocks sign-in until it is enabled
 * again. 422 for your own account.
 */
export function useDisableStaff() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...staffKeys.all, 'disable'],
      mutationFn: async (accountId: string) =>
        expectData(
          await api.POST('/api/v1/staff/{accountId}/disable', {
            params: { path: { accountId } },
          }),
        ),
      onSuccess: (member) => storeStaffMember(queryClient, member),
    }),
  );
}
