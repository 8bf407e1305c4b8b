import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** POST /api/v1/auth/login/resend-code (operationId resendLoginCode): email a new code. */
export function resendLoginCodeMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'resend-code'],
    mutationFn: async (): Promise<void> => {
      await api.POST('/api/v1/auth/login/resend-code');
    },
  });
}

export function useResendLoginCode() {
  return useMutation(resendLoginCodeMutationOptions());
}
