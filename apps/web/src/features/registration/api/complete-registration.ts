import { expectData, type JsonRequestBody, type JsonResponse } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type CompleteRegistrationRequest = JsonRequestBody<'completeRegistration'>;
export type RegistrationCompleted = JsonResponse<'completeRegistration', 201>;

/**
 * POST /api/v1/registration/complete (operationId completeRegistration): creates the account
 * and spends the invitation. It does not sign in: the patient signs in at /sign-in afterwards.
 */
export function completeRegistrationMutationOptions() {
  return mutationOptions({
    mutationKey: ['registration', 'complete'],
    mutationFn: async (body: CompleteRegistrationRequest): Promise<RegistrationCompleted> =>
      expectData(await api.POST('/api/v1/registration/complete', { body })),
  });
}

export function useCompleteRegistration() {
  return useMutation(completeRegistrationMutationOptions());
}
