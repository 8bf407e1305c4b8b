import type { ApiClient, JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { securitySettingsQueryKey } from './security-settings';

/**
 * POST /api/v1/account/second-factor (operationId setSecondFactor): switch to emailed codes or
 * turn the second step off, confirmed with the current password. Staff under the clinic's
 * policy get 422 second_factor_required when turning it off.
 */
export function setSecondFactorMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: [...securitySettingsQueryKey, 'second-factor'],
    mutationFn: async (body: JsonRequestBody<'setSecondFactor'>): Promise<void> => {
      await api.POST('/api/v1/account/second-factor', { body });
    },
    onSuccess: (_data, _body, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: securitySettingsQueryKey }),
  });
}

export function useSetSecondFactor() {
  const { api } = useAuthUi();
  return useMutation(setSecondFactorMutationOptions(api));
}
