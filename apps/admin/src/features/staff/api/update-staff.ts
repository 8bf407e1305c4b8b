import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';
import { storeStaffMember } from './list-staff';

export type UpdateStaffRequest = JsonRequestBody<'updateStaff'>;

/**
 * PATCH /api/v1/staff/{accountId} (operationId updateStaff): name, email or roles. Role
 * changes apply to open sessions at once; nobody can remove their own admin role (422).
 */
export function useUpdateStaff(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...staffKeys.all, 'update', accountId],
      mutationFn: async (body: UpdateStaffRequest) =>
        expectData(
          await api.PATCH('/api/v1/staff/{accountId}', {
            params: { path: { accountId } },
            body,
          }),
        ),
      onSuccess: (member) => storeStaffMember(queryClient, member),
    }),
  );
}
