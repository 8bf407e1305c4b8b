import { expectData, type ApiClient, type JsonRequestBody, type Session } from '@portal/api-client';
import { mutationOptions, useMutation, type QueryKey } from '@tanstack/react-query';
import { useAuthUi } from '../context';

export type VerifySecondFactorRequest = JsonRequestBody<'verifySecondFactor'>;

/** POST /api/v1/auth/login/verify (operationId verifySecondFactor): the sign-in's second step. */
export function verifySecondFactorMutationOptions(api: ApiClient, sessionQueryKey: QueryKey) {
  return mutationOptions({
    mutationKey: ['auth', 'verify'],
    mutationFn: async (body: VerifySecondFactorRequest): Promise<Session> =>
      expectData(await api.POST('/api/v1/auth/login/verify', { body })),
    onSuccess: async (session, _body, _onMutateResult, { client }) => {
      client.setQueryData(sessionQueryKey, session);
      await client.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export function useVerifySecondFactor() {
  const { api, sessionQueryKey } = useAuthUi();
  return useMutation(verifySecondFactorMutationOptions(api, sessionQueryKey));
}
