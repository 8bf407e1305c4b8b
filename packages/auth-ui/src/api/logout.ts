import { isApiError, type ApiClient } from '@portal/api-client';
import { mutationOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** POST /api/v1/auth/logout (operationId logout). */
export function logoutMutationOptions(
  api: ApiClient,
  forgetPrivateData: (client: QueryClient) => void,
) {
  return mutationOptions({
    mutationKey: ['auth', 'logout'],
    mutationFn: async (): Promise<void> => {
      try {
        await api.POST('/api/v1/auth/logout');
      } catch (error) {
        // 401: the session had already ended on the server, which is what we wanted.
        if (!(isApiError(error) && error.status === 401)) {
          throw error;
        }
      }
    },
    onSuccess: (_data, _variables, _onMutateResult, { client }) => {
      // The session itself is cleared by the caller once it has left the signed-in pages
      // (see SignOutButton), so the route guard does not redirect first.
      forgetPrivateData(client);
    },
  });
}

export function useLogout() {
  const { api, forgetPrivateData } = useAuthUi();
  return useMutation(logoutMutationOptions(api, forgetPrivateData));
}
