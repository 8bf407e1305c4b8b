import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type CreateProviderRequest = JsonRequestBody<'createProvider'>;

/** POST /api/v1/providers (operationId createProvider). */
export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...clinicKeys.providers(), 'create'],
      mutationFn: async (body: CreateProviderRequest) =>
        expectData(await api.POST('/api/v1/providers', { body })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.providers() }),
    }),
  );
}
