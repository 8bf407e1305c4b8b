import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { noContentMutationOptions } from './no-content';

/** POST /api/v1/auth/username-reminder (operationId remindUsername). Always 204. */
export function remindUsernameMutationOptions(api: ApiClient) {
  return noContentMutationOptions('username-reminder', (body: JsonRequestBody<'remindUsername'>) =>
    api.POST('/api/v1/auth/username-reminder', { body }),
  );
}

export function useRemindUsername() {
  const { api } = useAuthUi();
  return useMutation(remindUsernameMutationOptions(api));
}
