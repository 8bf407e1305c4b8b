import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type UpdateLocationRequest = JsonRequestBody<'updateLocation'>;

/** PATCH /api/v1/locations/{locationId} (operationId updateLocation): only sent fields change. */
export function useUpdateLocation() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...clinicKeys.locations(), 'update'],
      mutationFn: async ({ id, body }: { id: string; body: UpdateLocationRequest }) =>
        expectData(
          await api.PATCH('/api/v1/locations/{locationId}', {
            params: { path: { locationId: id } },
            body,
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.locations() }),
    }),
  );
}
