import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clinicKeys } from './keys';

export type CreateVisitTypeRequest = JsonRequestBody<'createVisitType'>;

/** POST /api/v1/visit-types (operationId createVisitType). */
export function useCreateVisitType() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...clinicKeys.visitTypes(), 'create'],
      mutationFn: async (body: CreateVisitTypeRequest) =>
        expectData(await api.POST('/api/v1/visit-types', { body })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.visitTypes() }),
    }),
  );
}
