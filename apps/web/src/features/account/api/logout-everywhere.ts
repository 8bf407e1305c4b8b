import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { forgetPrivateData } from '../../../lib/session';

/** POST /api/v1/auth/logout-everywhere (operationId logoutEverywhere), this device included. */
export function logoutEverywhereMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'logout-everywhere'],
    mutationFn: async (): Promise<void> => {
      await api.POST('/api/v1/auth/logout-everywhere');
    },
    onSuccess: (_data, _variables, _onMutateResult, { client }) => {
      // The session itself is cleared by the caller after leaving the signed-in pages.
      forgetPrivateData(client);
    },
  });
}

export function useLogoutEverywhere() {
  return useMutation(logoutEverywhereMutationOptions());
}
