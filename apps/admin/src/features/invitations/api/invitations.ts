import type { JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { invalidatePaths } from '../../../lib/api';

export type Invitation = JsonResponse<'listInvitations', 200>['items'][number];
export type InvitationStatus = Invitation['status'];
export type DeliveryStatus = NonNullable<Invitation['deliveryStatus']>;

export const INVITATION_STATUSES: readonly InvitationStatus[] = [
  'pending',
  'sent',
  'accepted',
  'expired',
  'revoked',
];

/** Newest first, by cursor pages of this size. */
export const INVITATIONS_PAGE_SIZE = 25;

export const INVITATIONS_PATH = '/api/v1/invitations';

/** Every change to an invitation (invite, resend, revoke) reloads every invitation list. */
export function useInvitationChange() {
  const queryClient = useQueryClient();
  return { onSuccess: () => invalidatePaths(queryClient, INVITATIONS_PATH) };
}
