import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { accountQueryKey } from './security-settings';

/**
 * POST /api/v1/account/password (operationId changePassword). The API ends every other
 * session, so the security status and the sessions list are both out of date afterwards.
 */
export function changePasswordMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: [...accountQueryKey, 'change-password'],
    mutationFn: async (body: JsonRequestBody<'changePassword'>): Promise<void> => {
      await api.POST('/api/v1/account/password', { body });
    },
    onSuccess: (_data, _body, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: accountQueryKey }),
  });
}

export function useChangePassword() {
  const { api } = useAuthUi();
  return useMutation(changePasswordMutationOptions(api));
}
