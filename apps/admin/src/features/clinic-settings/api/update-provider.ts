import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type UpdateProviderRequest = JsonRequestBody<'updateProvider'>;

/** PATCH /api/v1/providers/{providerId} (operationId updateProvider). */
export function useUpdateProvider() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...clinicKeys.providers(), 'update'],
      mutationFn: async ({ id, body }: { id: string; body: UpdateProviderRequest }) =>
        expectData(
          await api.PATCH('/api/v1/providers/{providerId}', {
            params: { path: { providerId: id } },
            body,
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.providers() }),
    }),
  );
}
