import type { JsonResponse } from '@portal/api-client';

/*
 * GET /api/v1/patients/{patientId}/access-log (operationId getPatientAccessLog): what clinic
 * staff did with this patient's record, newest first, a page at a time. Nothing here changes
 * it, so there is nothing to invalidate.
 */

export type AccessLogPage = JsonResponse<'getPatientAccessLog', 200>;
export type AccessLogEntry = AccessLogPage['items'][number];
export type StaffRole = AccessLogEntry['staffRoles'][number];

/** Entries per "page"; the API allows up to 100. */
export const ACCESS_LOG_PAGE_SIZE = 20;
