import type { ApiClient } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** POST /api/v1/auth/login/resend-code (operationId resendLoginCode): email a new code. */
export function resendLoginCodeMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: ['auth', 'resend-code'],
    mutationFn: async (): Promise<void> => {
      await api.POST('/api/v1/auth/login/resend-code');
    },
  });
}

export function useResendLoginCode() {
  const { api } = useAuthUi();
  return useMutation(resendLoginCodeMutationOptions(api));
}
