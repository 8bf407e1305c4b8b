import { isApiError, type JsonResponse } from '@portal/api-client';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { invalidatePaths, type PagedParams } from '../../../lib/api';

export type EmergencyAccessGrant = JsonResponse<'createEmergencyAccess', 201>;
export type EmergencyAccessPage = JsonResponse<'listEmergencyAccess', 200>;
export type EmergencyAccessItem = EmergencyAccessPage['items'][number];

/** The code of a clinical read refused for want of a care relationship (403). */
export const CARE_RELATIONSHIP_REQUIRED = 'care_relationship_required';

export function isCareRefusal(error: unknown): boolean {
  return isApiError(error) && error.code === CARE_RELATIONSHIP_REQUIRED;
}

/**
 * Whether a cached query reads this patient: the record kinds name the patient in their key,
 * `$api`'s keys (`['get', path, { params: { path: { patientId } } }]`) in its parameters.
 */
export function isAboutPatient(queryKey: QueryKey, patientId: string): boolean {
  return queryKey.some(
    (part) =>
      part === patientId ||
      (typeof part === 'object' &&
        part !== null &&
        (part as { params?: { path?: { patientId?: unknown } } }).params?.path?.patientId ===
          patientId),
  );
}

export const EMERGENCY_ACCESS_PATH = '/api/v1/emergency-access';
export const EMERGENCY_ACCESS_PAGE_SIZE = 50;

/** The review list's filters, as the API takes them (`from` and `to` are instants). */
export type EmergencyAccessQuery = Omit<
  NonNullable<PagedParams<typeof EMERGENCY_ACCESS_PATH>['query']>,
  'limit'
>;

/**
 * After breaking the glass (createEmergencyAccess): the caller's refused queries about the
 * patient are reset, so the tab loads again, and the review lists load the new grant.
 */
export function useEmergencyAccessGranted() {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (grant: EmergencyAccessGrant) => {
      await queryClient.resetQueries({
        predicate: (query) =>
          isAboutPatient(query.queryKey, grant.patientId) && isCareRefusal(query.state.error),
      });
      await invalidatePaths(queryClient, EMERGENCY_ACCESS_PATH);
    },
  };
}

/** A review mark (reviewEmergencyAccess) reloads every review list. */
export function useEmergencyAccessReviewed() {
  const queryClient = useQueryClient();
  return { onSuccess: () => invalidatePaths(queryClient, EMERGENCY_ACCESS_PATH) };
}
