import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { patientKeys } from './keys';

export type UpdatePatientRequest = JsonRequestBody<'updatePatient'>;

/** PATCH /api/v1/patients/{patientId} (operationId updatePatient): only sent fields change. */
export function useUpdatePatient(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...patientKeys.detail(patientId), 'update'],
      mutationFn: async (body: UpdatePatientRequest) =>
        expectData(
          await api.PATCH('/api/v1/patients/{patientId}', {
            params: { path: { patientId } },
            body,
          }),
        ),
      onSuccess: async (patient) => {
        queryClient.setQueryData(patientKeys.detail(patientId), patient);
        await queryClient.invalidateQueries({ queryKey: patientKeys.searches() });
      },
    }),
  );
}
