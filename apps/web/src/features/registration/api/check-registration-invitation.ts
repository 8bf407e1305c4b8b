import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type RegistrationInvitation = JsonResponse<'checkRegistrationInvitation', 200>;
export type IdentityMethod = RegistrationInvitation['identityMethods'][number];

/**
 * GET /api/v1/registration/invitation (operationId checkRegistrationInvitation), the token in
 * the X-Invitation-Token header: whether the emailed link can be used, for which clinic, until
 * when, and how the patient can prove who they are. 404, 410 and 423 say why it cannot be used
 * (see registration-errors.ts). A header, not the query string, so the token never sits in a
 * URL that a server or proxy logs.
 *
 * The token is a secret held in memory only. It sits in the query key (the cache lives in
 * memory too) and the answer is dropped as soon as the page is left (gcTime 0). Asked once per
 * visit: every check is audited on the server, and a check after registering would only say
 * the link is spent.
 */
export function registrationInvitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['registration', 'invitation', token],
    queryFn: async (): Promise<RegistrationInvitation> =>
      expectData(
        await api.GET('/api/v1/registration/invitation', {
          params: { header: { 'X-Invitation-Token': token } },
        }),
      ),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

export function useRegistrationInvitation(token: string) {
  return useQuery(registrationInvitationQueryOptions(token));
}
