import type { JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { invalidatePaths, pagedQueryOptions } from '../../../lib/api';

export type RefillQueueItem = JsonResponse<'listRefillQueue', 200>['items'][number];
export type RefillRequest = JsonResponse<'getRefillRequest', 200>;
export type RefillStatus = RefillRequest['status'];
export type RefillHistoryEntry = RefillRequest['history'][number];
export type BulkApproveResult = JsonResponse<'bulkApproveRefillRequests', 200>;
export type TurnaroundReport = JsonResponse<'getRefillTurnaround', 200>;
export type DenialReason = NonNullable<RefillRequest['denialReasonCode']>;

export const QUEUE = '/api/v1/refill-queue';
export const REQUEST = '/api/v1/refill-requests/{refillRequestId}';
export const TURNAROUND = '/api/v1/refill-reports/turnaround';

export const REFILL_STATUSES = [
  'requested',
  'in_review',
  'approved',
  'denied',
  'needs_appointment',
  'cancelled',
] as const satisfies readonly RefillStatus[];

/** The reasons of a denial, in the API's order; `other` asks for the reviewer's words. */
export const DENIAL_REASONS = [
  'no-longer-prescribed',
  'too-early',
  'needs-lab-work',
  'different-prescriber',
  'duplicate',
  'other',
] as const satisfies readonly DenialReason[];

/** The moves open to staff start from these states (refills.rules.ts MOVES). */
export function isOpen(status: RefillStatus): boolean {
  return status === 'requested' || status === 'in_review';
}

export const QUEUE_PAGE_SIZE = 25;

export interface QueueFilters {
  status?: RefillStatus;
  prescriber?: string;
  olderThanDays?: number;
}

/** The queue, oldest first, by the filters in the address. */
export function refillQueueQueryOptions(filters: QueueFilters) {
  return {
    ...pagedQueryOptions(QUEUE, { query: { ...filters, limit: QUEUE_PAGE_SIZE } }),
    // A queue others work too: coming back to it shows what waits now.
    refetchOnMount: 'always' as const,
  };
}

/** A decision changes the request, the queue and the report. */
export function useRefillChange() {
  const queryClient = useQueryClient();
  return {
    onSettled: () => invalidatePaths(queryClient, QUEUE, REQUEST, TURNAROUND),
  };
}
