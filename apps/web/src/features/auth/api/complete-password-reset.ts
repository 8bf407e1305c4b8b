import type { JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { sessionQueryKey } from '../../../lib/session';

/**
 * POST /api/v1/auth/password-reset/complete (operationId completePasswordReset). The API ends
 * every session of the account, so the session is checked again afterwards.
 */
export function completePasswordResetMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'password-reset', 'complete'],
    mutationFn: async (body: JsonRequestBody<'completePasswordReset'>): Promise<void> => {
      await api.POST('/api/v1/auth/password-reset/complete', { body });
    },
    onSuccess: (_data, _body, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

export function useCompletePasswordReset() {
  return useMutation(completePasswordResetMutationOptions());
}
