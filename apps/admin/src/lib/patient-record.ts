import type { JsonResponse } from '@portal/api-client';
import { useOutletContext } from 'react-router';

/** A patient's demographics, as GET /api/v1/patients/{patientId} answers. */
export type PatientRecord = JsonResponse<'getPatient', 200>;

/**
 * What the patient record page hands to its tabs. The tabs come from several features
 * (details, invitations, access log), so the contract lives here rather than in one of them.
 */
export interface PatientRecordContext {
  patient: PatientRecord;
}

/** The patient whose record is open; only inside a tab of the patient record page. */
export function usePatientRecord(): PatientRecord {
  return useOutletContext<PatientRecordContext>().patient;
}

/** "Alexandra Rivera": legal given and family name. */
export function patientFullName(patient: Pick<PatientRecord, 'givenName' | 'familyName'>): string {
  return `${patient.givenName} ${patient.familyName}`;
}
