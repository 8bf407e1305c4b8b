import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';
import { storeStaffMember } from './list-staff';

/**
 * POST /api/v1/staff/{accountId}/enable (operationId enableStaff).
 * Enables a disabled account: sign-in works again.
 */
export function useEnableStaff() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...staffKeys.all, 'enable'],
      mutationFn: async (accountId: string) =>
        expectData(
          await api.POST('/api/v1/staff/{accountId}/enable', {
            params: { path: { accountId } },
          }),
        ),
      onSuccess: (member) => storeStaffMember(queryClient, member),
    }),
  );
}
