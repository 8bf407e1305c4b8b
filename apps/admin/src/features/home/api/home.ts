import type { JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { invalidatePaths } from '../../../lib/api';

export type TodayAppointment = JsonResponse<'listSchedule', 200>['items'][number];
export type WaitingInvitation = JsonResponse<'listInvitations', 200>['items'][number];
export type UnreviewedGrant = JsonResponse<'listEmergencyAccess', 200>['items'][number];

/** Each block shows the oldest few and links to the whole queue. */
export const BLOCK_ITEMS = 5;

/**
 * Home is a worklist: whatever is waiting now, so each block asks again when home opens
 * (other people work the same queues).
 */
export const WORKLIST_QUERY = { refetchOnMount: 'always' as const, staleTime: 0 };

/** An arrival marked from home changes the schedule everywhere it is shown. */
export function useArrivalChange() {
  const queryClient = useQueryClient();
  return {
    onSettled: () =>
      invalidatePaths(
        queryClient,
        '/api/v1/schedule',
        '/api/v1/patients/{patientId}/appointments',
        '/api/v1/patients/{patientId}/appointments/{appointmentId}',
      ),
  };
}
