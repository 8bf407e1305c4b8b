import type { JsonResponse } from '@portal/api-client';

export type AuditEvent = JsonResponse<'listAuditEvents', 200>['items'][number];
export type AuditOutcome = AuditEvent['outcome'];
export type AccessLogEntry = JsonResponse<'getPatientAccessLog', 200>['items'][number];

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];

/** The API's filters: `from` and `to` are instants (ISO 8601), `to` exclusive. */
export interface AuditQuery {
  action?: string;
  outcome?: AuditOutcome;
  patientId?: string;
  actorAccountId?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export const AUDIT_PAGE_SIZE = 50;
export const ACCESS_LOG_PAGE_SIZE = 50;
