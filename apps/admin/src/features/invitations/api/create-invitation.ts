import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { invitationKeys } from './keys';

/**
 * POST /api/v1/patients/{patientId}/invitations (operationId createInvitation): emails a
 * registration link. 422 when the patient has no email; 409 when they already have an account
 * or a valid invitation.
 */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...invitationKeys.all, 'create'],
      mutationFn: async (patientId: string) =>
        expectData(
          await api.POST('/api/v1/patients/{patientId}/invitations', {
            params: { path: { patientId } },
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
    }),
  );
}
