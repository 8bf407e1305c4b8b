import { expectData, type JsonRequestBody, type ApiClient } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { securitySettingsQueryKey } from './security-settings';

/**
 * POST /api/v1/account/recovery-codes (operationId regenerateRecoveryCodes): 10 new codes;
 * the old ones stop working.
 */
export function regenerateRecoveryCodesMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: [...securitySettingsQueryKey, 'recovery-codes'],
    mutationFn: async (body: JsonRequestBody<'regenerateRecoveryCodes'>): Promise<string[]> =>
      expectData(await api.POST('/api/v1/account/recovery-codes', { body })).recoveryCodes,
    onSuccess: (_codes, _body, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: securitySettingsQueryKey }),
  });
}

export function useRegenerateRecoveryCodes() {
  const { api } = useAuthUi();
  return useMutation(regenerateRecoveryCodesMutationOptions(api));
}
