import { expectData, type LoginRequest, type LoginResult } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { sessionQueryKey } from '../../../lib/session';

/** POST /api/v1/auth/login (operationId login). */
export function loginMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: async (body: LoginRequest): Promise<LoginResult> =>
      expectData(await api.POST('/api/v1/auth/login', { body })),
    onSuccess: async (result, _body, _onMutateResult, { client }) => {
      if (result.status === 'signed-in') {
        // Show the new session at once, then confirm it with the server (the cookie works).
        client.setQueryData(sessionQueryKey, result.session);
        await client.invalidateQueries({ queryKey: sessionQueryKey });
      }
    },
  });
}

export function useLogin() {
  return useMutation(loginMutationOptions());
}
