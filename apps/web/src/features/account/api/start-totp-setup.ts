import { expectData, type JsonResponse } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { accountQueryKey } from './security-settings';

export type TotpSetup = JsonResponse<'startTotpSetup', 200>;

/**
 * POST /api/v1/account/totp/setup (operationId startTotpSetup): a new secret for an
 * authenticator app. Nothing changes until the first code confirms it.
 */
export function startTotpSetupMutationOptions() {
  return mutationOptions({
    mutationKey: [...accountQueryKey, 'totp', 'setup'],
    mutationFn: async (): Promise<TotpSetup> =>
      expectData(await api.POST('/api/v1/account/totp/setup')),
  });
}

export function useStartTotpSetup() {
  return useMutation(startTotpSetupMutationOptions());
}
