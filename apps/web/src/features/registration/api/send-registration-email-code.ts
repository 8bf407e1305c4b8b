import { expectData, type JsonResponse } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type EmailCodeSent = JsonResponse<'sendRegistrationEmailCode', 202>;

/**
 * POST /api/v1/registration/email-code (operationId sendRegistrationEmailCode): emails a
 * 6-digit code to the address on file. It works for 10 minutes; a new one replaces it; the API
 * sends at most 5 per link (then 429).
 */
export function sendRegistrationEmailCodeMutationOptions() {
  return mutationOptions({
    mutationKey: ['registration', 'email-code'],
    mutationFn: async (token: string): Promise<EmailCodeSent> =>
      expectData(await api.POST('/api/v1/registration/email-code', { body: { token } })),
  });
}

export function useSendRegistrationEmailCode() {
  return useMutation(sendRegistrationEmailCodeMutationOptions());
}
