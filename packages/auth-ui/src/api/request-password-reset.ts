import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { noContentMutationOptions } from './no-content';

/** POST /api/v1/auth/password-reset (operationId requestPasswordReset). Always 204. */
export function requestPasswordResetMutationOptions(api: ApiClient) {
  return noContentMutationOptions(
    'password-reset',
    (body: JsonRequestBody<'requestPasswordReset'>) =>
      api.POST('/api/v1/auth/password-reset', { body }),
  );
}

export function useRequestPasswordReset() {
  const { api } = useAuthUi();
  return useMutation(requestPasswordResetMutationOptions(api));
}
