import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';
import { storeStaffMember } from './list-staff';

export type CreateStaffRequest = JsonRequestBody<'createStaff'>;

/**
 * POST /api/v1/staff (operationId createStaff): the account starts without a password; its
 * owner is emailed a single-use link to choose one. 409 when the username is taken.
 */
export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...staffKeys.all, 'create'],
      mutationFn: async (body: CreateStaffRequest) =>
        expectData(await api.POST('/api/v1/staff', { body })),
      onSuccess: (member) => storeStaffMember(queryClient, member),
    }),
  );
}
