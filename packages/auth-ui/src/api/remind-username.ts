import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** POST /api/v1/auth/username-reminder (operationId remindUsername). Always 204. */
export function remindUsernameMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: ['auth', 'username-reminder'],
    mutationFn: async (body: JsonRequestBody<'remindUsername'>): Promise<void> => {
      await api.POST('/api/v1/auth/username-reminder', { body });
    },
  });
}

export function useRemindUsername() {
  const { api } = useAuthUi();
  return useMutation(remindUsernameMutationOptions(api));
}
