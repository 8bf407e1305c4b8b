import { expectData, type JsonRequestBody, type ApiClient } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { securitySettingsQueryKey } from './security-settings';

/**
 * POST /api/v1/account/totp/confirm (operationId confirmTotpSetup): the first code from the
 * app turns it on; the answer holds the 10 recovery codes, shown once.
 */
export function confirmTotpSetupMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: [...securitySettingsQueryKey, 'totp', 'confirm'],
    mutationFn: async (body: JsonRequestBody<'confirmTotpSetup'>): Promise<string[]> =>
      expectData(await api.POST('/api/v1/account/totp/confirm', { body })).recoveryCodes,
    onSuccess: (_codes, _body, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: securitySettingsQueryKey }),
  });
}

export function useConfirmTotpSetup() {
  const { api } = useAuthUi();
  return useMutation(confirmTotpSetupMutationOptions(api));
}
