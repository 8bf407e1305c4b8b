import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { invitationKeys } from './keys';

/** POST /api/v1/invitations/{invitationId}/revoke (operationId revokeInvitation). */
export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...invitationKeys.all, 'revoke'],
      mutationFn: async (invitationId: string) =>
        expectData(
          await api.POST('/api/v1/invitations/{invitationId}/revoke', {
            params: { path: { invitationId } },
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
    }),
  );
}
