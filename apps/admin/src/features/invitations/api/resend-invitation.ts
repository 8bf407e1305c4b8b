import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { invitationKeys } from './keys';

/**
 * POST /api/v1/invitations/{invitationId}/resend (operationId resendInvitation): a new link
 * with a new expiry; the old link stops working, and a lock from wrong dates of birth lifts.
 */
export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...invitationKeys.all, 'resend'],
      mutationFn: async (invitationId: string) =>
        expectData(
          await api.POST('/api/v1/invitations/{invitationId}/resend', {
            params: { path: { invitationId } },
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
    }),
  );
}
