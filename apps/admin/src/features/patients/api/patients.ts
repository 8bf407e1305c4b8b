import type { JsonRequestBody, JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';

export type Patient = JsonResponse<'getPatient', 200>;
export type PatientSummary = JsonResponse<'searchPatients', 200>['items'][number];
export type CreatePatientRequest = JsonRequestBody<'createPatient'>;
export type UpdatePatientRequest = JsonRequestBody<'updatePatient'>;

/** What the API searches by: a name prefix or exact MRN, and/or a date of birth. */
export interface PatientSearch {
  query?: string;
  dateOfBirth?: string;
}

export const PATIENT_PAGE_SIZE = 25;
export const PATIENTS_PATH = '/api/v1/patients';

/**
 * After registering or changing a patient: the answer is the patient as now stored, so it
 * goes into the cached record at once; searches may list them differently and load again.
 */
export function usePatientChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (patient: Patient) => {
      queryClient.setQueryData(
        $api.queryOptions('get', '/api/v1/patients/{patientId}', {
          params: { path: { patientId: patient.id } },
        }).queryKey,
        patient,
      );
      await invalidatePaths(queryClient, PATIENTS_PATH);
    },
  };
}
