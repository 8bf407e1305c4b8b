import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, type QueryKey } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/**
 * POST /api/v1/auth/password-reset/complete (operationId completePasswordReset). The API ends
 * every session of the account, so the session is checked again afterwards.
 */
export function completePasswordResetMutationOptions(api: ApiClient, sessionQueryKey: QueryKey) {
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
  const { api, sessionQueryKey } = useAuthUi();
  return useMutation(completePasswordResetMutationOptions(api, sessionQueryKey));
}
