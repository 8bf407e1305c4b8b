import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** POST /api/v1/auth/unlock (operationId unlockSignIn): lifts a sign-in pause. */
export function unlockSignInMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: ['auth', 'unlock'],
    mutationFn: async (body: JsonRequestBody<'unlockSignIn'>): Promise<void> => {
      await api.POST('/api/v1/auth/unlock', { body });
    },
  });
}

export function useUnlockSignIn() {
  const { api } = useAuthUi();
  return useMutation(unlockSignInMutationOptions(api));
}
