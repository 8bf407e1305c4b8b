import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';
import { storeStaffMember } from './list-staff';

/**
 * POST /api/v1/staff/{accountId}/reset-second-factor (operationId resetStaffSecondFactor).
 * Removes the account's authenticator app and recovery codes (a lost phone), ends its
 * sessions and emails its owner a notice.
 */
export function useResetStaffSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...staffKeys.all, 'reset-second-factor'],
      mutationFn: async (accountId: string) =>
        expectData(
          await api.POST('/api/v1/staff/{accountId}/reset-second-factor', {
            params: { path: { accountId } },
          }),
        ),
      onSuccess: (member) => storeStaffMember(queryClient, member),
    }),
  );
}
