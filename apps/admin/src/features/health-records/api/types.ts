import type { JsonRequestBody, JsonResponse } from '@portal/api-client';

/*
 * The record and result shapes as the API describes them (generated from its OpenAPI
 * document), named once for this feature.
 */
export type Condition = JsonResponse<'getCondition', 200>;
export type Allergy = JsonResponse<'getAllergy', 200>;
export type Immunization = JsonResponse<'getImmunization', 200>;
export type VisitSummary = JsonResponse<'getVisitSummary', 200>;
export type CarePlan = JsonResponse<'getCarePlan', 200>;
export type Medication = JsonResponse<'getMedication', 200>;
export type HealthRecordItem =
  Condition | Allergy | Immunization | VisitSummary | CarePlan | Medication;
export type Revision = JsonResponse<'getConditionHistory', 200>['items'][number];

export type ReportSummary = JsonResponse<'listResults', 200>['items'][number];
export type Report = JsonResponse<'getResult', 200>;
export type Observation = Report['observations'][number];
export type Interpretation = NonNullable<Observation['interpretation']>;
export type CreateResultBody = JsonRequestBody<'createResult'>;
export type CreateVitalSignsBody = JsonRequestBody<'createVitalSigns'>;
export type UpdateObservationBody = JsonRequestBody<'updateObservation'>;

export type CodeSystem = 'icd10cm' | 'cvx' | 'loinc' | 'rxnorm';
export type CodeEntry = JsonResponse<'searchCodes', 200>['items'][number];
