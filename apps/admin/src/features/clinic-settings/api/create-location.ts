import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type CreateLocationRequest = JsonRequestBody<'createLocation'>;

/** POST /api/v1/locations (operationId createLocation). */
export function useCreateLocation() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...clinicKeys.locations(), 'create'],
      mutationFn: async (body: CreateLocationRequest) =>
        expectData(await api.POST('/api/v1/locations', { body })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.locations() }),
    }),
  );
}
