import {
  expectData,
  type JsonRequestBody,
  type JsonResponse,
  type ApiClient,
} from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { useAuthUi } from '../context';
import { accountQueryKey } from './security-settings';

export type TotpSetup = JsonResponse<'startTotpSetup', 200>;

/**
 * POST /api/v1/account/totp/setup (operationId startTotpSetup): a new secret for an
 * authenticator app, confirmed with the current password (400 wrong_password on `password`).
 * Nothing changes until the first code confirms it, within 10 minutes.
 */
export function startTotpSetupMutationOptions(api: ApiClient) {
  return mutationOptions({
    mutationKey: [...accountQueryKey, 'totp', 'setup'],
    mutationFn: async (body: JsonRequestBody<'startTotpSetup'>): Promise<TotpSetup> =>
      expectData(await api.POST('/api/v1/account/totp/setup', { body })),
  });
}

export function useStartTotpSetup() {
  const { api } = useAuthUi();
  return useMutation(startTotpSetupMutationOptions(api));
}
