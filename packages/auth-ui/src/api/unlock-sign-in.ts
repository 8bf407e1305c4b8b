import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { noContentMutationOptions } from './no-content';

/** POST /api/v1/auth/unlock (operationId unlockSignIn): lifts a sign-in pause. */
export function unlockSignInMutationOptions(api: ApiClient) {
  return noContentMutationOptions('unlock', (body: JsonRequestBody<'unlockSignIn'>) =>
    api.POST('/api/v1/auth/unlock', { body }),
  );
}

export function useUnlockSignIn() {
  const { api } = useAuthUi();
  return useMutation(unlockSignInMutationOptions(api));
}
