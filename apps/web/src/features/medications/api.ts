import type { JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { $api, readsFrom } from '../../lib/api-queries';

/*
 * Medications and refills read and send through $api directly. Kept here: the paths, what a
 * new request, a cancellation or a new preferred pharmacy refreshes, and which medication can
 * be asked for online.
 */

export type Medication = JsonResponse<'listMedications', 200>['items'][number];
export type Pharmacy = JsonResponse<'listPharmacies', 200>['items'][number];
export type RefillRequest = JsonResponse<'getPatientRefillRequest', 200>;
export type RefillHistoryEntry = RefillRequest['history'][number];
export type RefillStatus = RefillRequest['status'];

export const MEDICATIONS = '/api/v1/patients/{patientId}/medications';
export const PHARMACIES = '/api/v1/patients/{patientId}/pharmacies';
export const PREFERRED_PHARMACY = '/api/v1/patients/{patientId}/preferred-pharmacy';
export const REFILL_REQUESTS = '/api/v1/patients/{patientId}/refill-requests';
export const REFILL_REQUEST = '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}';

/** The API's limits (refills.dto.ts): the server still judges. */
export const MAX_NOTE_CHARACTERS = 1000;
export const MAX_MEDICATIONS_PER_REQUEST = 20;
/** Medications read at once: a current list is short; the API allows up to 100. */
export const MEDICATIONS_LIMIT = 100;
/** Recent requests shown on the medications page (newest first, each with its timeline). */
export const RECENT_REQUESTS_LIMIT = 20;
export const PHARMACY_RESULTS_LIMIT = 10;

export const OPEN_STATUSES: readonly RefillStatus[] = ['requested', 'in_review'];

export function isOpen(request: Pick<RefillRequest, 'status'>): boolean {
  return OPEN_STATUSES.includes(request.status);
}

/** The patient's medications of one status (active: current; stopped: past). */
export function useMedications(patientId: string, status: 'active' | 'stopped', enabled = true) {
  return $api.useQuery(
    'get',
    MEDICATIONS,
    { params: { path: { patientId }, query: { status, limit: MEDICATIONS_LIMIT } } },
    { enabled },
  );
}

/** The newest refill requests, open ones among them. */
export function useRecentRefillRequests(patientId: string) {
  return $api.useQuery('get', REFILL_REQUESTS, {
    params: { path: { patientId }, query: { limit: RECENT_REQUESTS_LIMIT } },
  });
}

export function usePreferredPharmacy(patientId: string) {
  return $api.useQuery('get', PREFERRED_PHARMACY, { params: { path: { patientId } } });
}

/** The open request of each medication, by medication id. */
export function openRequestsByMedication(requests: readonly RefillRequest[]) {
  const open = new Map<string, RefillRequest>();
  for (const request of requests) {
    if (isOpen(request) && !open.has(request.medicationId)) open.set(request.medicationId, request);
  }
  return open;
}

/** Whether the patient can ask for this medication online now. */
export function canRequest(medication: Medication, open: ReadonlyMap<string, RefillRequest>) {
  return medication.status === 'active' && !medication.controlled && !open.has(medication.id);
}

/**
 * After a request, a cancellation or a decision seen: the requests, the medications (refills
 * remaining, last filled) and the preferred pharmacy are read again. Awaited, so a page says
 * it is done once it shows the stored state.
 */
export function useAfterRefillChange() {
  const queryClient = useQueryClient();
  return async (): Promise<void> => {
    await queryClient.invalidateQueries({
      predicate: readsFrom([REFILL_REQUESTS, REFILL_REQUEST, MEDICATIONS, PREFERRED_PHARMACY]),
    });
  };
}
