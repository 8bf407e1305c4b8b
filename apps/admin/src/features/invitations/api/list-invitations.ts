import { expectData, type JsonResponse } from '@portal/api-client';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { invitationKeys } from './keys';

export type InvitationPage = JsonResponse<'listInvitations', 200>;
export type Invitation = InvitationPage['items'][number];
export type InvitationStatus = Invitation['status'];
export type DeliveryStatus = NonNullable<Invitation['deliveryStatus']>;

export const INVITATION_STATUSES: readonly InvitationStatus[] = [
  'pending',
  'sent',
  'accepted',
  'expired',
  'revoked',
];

export interface InvitationFilter {
  status?: InvitationStatus;
  patientId?: string;
}

const PAGE_SIZE = 25;

/** GET /api/v1/invitations (operationId listInvitations): newest first, by cursor pages. */
export function invitationsQueryOptions(filter: InvitationFilter) {
  return infiniteQueryOptions({
    queryKey: invitationKeys.list(filter),
    queryFn: async ({ pageParam, signal }) =>
      expectData(
        await api.GET('/api/v1/invitations', {
          params: { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: InvitationPage) => page.nextCursor ?? undefined,
  });
}

export function useInvitations(filter: InvitationFilter) {
  return useInfiniteQuery(invitationsQueryOptions(filter));
}
