import { expectData, type JsonRequestBody, type JsonResponse } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type VerifyIdentityRequest = JsonRequestBody<'verifyRegistrationIdentity'>;
/** The ticket that lets the patient choose a username and password (30 minutes, once). */
export type IdentityVerified = JsonResponse<'verifyRegistrationIdentity', 200>;

/**
 * POST /api/v1/registration/verify-identity (operationId verifyRegistrationIdentity), with the
 * date of birth or the emailed code. A wrong answer is 422 identity_not_confirmed; the fifth
 * wrong date of birth locks the invitation (423).
 */
export function verifyRegistrationIdentityMutationOptions() {
  return mutationOptions({
    mutationKey: ['registration', 'verify-identity'],
    mutationFn: async (body: VerifyIdentityRequest): Promise<IdentityVerified> =>
      expectData(await api.POST('/api/v1/registration/verify-identity', { body })),
  });
}

export function useVerifyRegistrationIdentity() {
  return useMutation(verifyRegistrationIdentityMutationOptions());
}
