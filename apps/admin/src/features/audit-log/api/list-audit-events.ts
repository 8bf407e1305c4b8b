import { expectData, type JsonResponse } from '@portal/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { auditKeys } from './keys';

export type AuditEventPage = JsonResponse<'listAuditEvents', 200>;
export type AuditEvent = AuditEventPage['items'][number];
export type AuditOutcome = AuditEvent['outcome'];

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

/**
 * GET /api/v1/audit-events (operationId listAuditEvents): newest first, one cursor page.
 * Reading the trail is itself recorded (audit.read).
 */
export function auditEventsQueryOptions(query: AuditQuery) {
  return queryOptions({
    queryKey: [...auditKeys.events, query] as const,
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/audit-events', {
          params: { query: { ...query, limit: AUDIT_PAGE_SIZE } },
          signal,
        }),
      ),
    // The previous page stays on screen while the next one loads: nothing jumps.
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery(auditEventsQueryOptions(query));
}
