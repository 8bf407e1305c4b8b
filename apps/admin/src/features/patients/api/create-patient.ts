import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { patientKeys } from './keys';

export type CreatePatientRequest = JsonRequestBody<'createPatient'>;

/** POST /api/v1/patients (operationId createPatient): registers a patient; the MRN is generated. */
export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...patientKeys.all, 'create'],
      mutationFn: async (body: CreatePatientRequest) =>
        expectData(await api.POST('/api/v1/patients', { body })),
      onSuccess: async (patient) => {
        queryClient.setQueryData(patientKeys.detail(patient.id), patient);
        await queryClient.invalidateQueries({ queryKey: patientKeys.searches() });
      },
    }),
  );
}
