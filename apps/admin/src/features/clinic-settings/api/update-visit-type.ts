import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type UpdateVisitTypeRequest = JsonRequestBody<'updateVisitType'>;

/** PATCH /api/v1/visit-types/{visitTypeId} (operationId updateVisitType). */
export function useUpdateVisitType() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...clinicKeys.visitTypes(), 'update'],
      mutationFn: async ({ id, body }: { id: string; body: UpdateVisitTypeRequest }) =>
        expectData(
          await api.PATCH('/api/v1/visit-types/{visitTypeId}', {
            params: { path: { visitTypeId: id } },
            body,
          }),
        ),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.visitTypes() }),
    }),
  );
}
