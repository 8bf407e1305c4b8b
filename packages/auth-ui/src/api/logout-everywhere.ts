import type { ApiClient } from '@portal/api-client';
import { mutationOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** POST /api/v1/auth/logout-everywhere (operationId logoutEverywhere), this device included. */
export function logoutEverywhereMutationOptions(
  api: ApiClient,
  forgetPrivateData: (client: QueryClient) => void,
) {
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
  const { api, forgetPrivateData } = useAuthUi();
  return useMutation(logoutEverywhereMutationOptions(api, forgetPrivateData));
}
