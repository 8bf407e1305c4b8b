import type { ApiClient } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { mySessionsQueryKey } from './my-sessions';

/** DELETE /api/v1/account/sessions/{sessionId} (operationId endMySession). */
export function endMySessionMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: [...mySessionsQueryKey, 'end'],
    mutationFn: async (sessionId: string): Promise<void> => {
      await api.DELETE('/api/v1/account/sessions/{sessionId}', {
        params: { path: { sessionId } },
      });
    },
    // Also after a 404 (already ended elsewhere): the list is out of date either way.
    onSettled: (_data, _error, _id, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: mySessionsQueryKey }),
  });
}

export function useEndMySession() {
  const { api } = useAuthUi();
  return useMutation(endMySessionMutationOptions(api));
}
