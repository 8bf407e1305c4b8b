import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** POST /api/v1/auth/password-reset (operationId requestPasswordReset). Always 204. */
export function requestPasswordResetMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: ['auth', 'password-reset'],
    mutationFn: async (body: JsonRequestBody<'requestPasswordReset'>): Promise<void> => {
      await api.POST('/api/v1/auth/password-reset', { body });
    },
  });
}

export function useRequestPasswordReset() {
  const { api } = useAuthUi();
  return useMutation(requestPasswordResetMutationOptions(api));
}
