import type { JsonResponse } from '@portal/api-client';
import { $api } from '../../lib/api-queries';

/*
 * Registration calls $api directly: POST /api/v1/registration/email-code (a 6-digit code, 10
 * minutes, at most 5 per link, then 429), …/verify-identity (the date of birth or the code; a
 * wrong one is 422 identity_not_confirmed, the fifth wrong date of birth locks the link, 423)
 * and …/complete (creates the account and spends the link; it does not sign in). What is kept
 * here is how the emailed link is checked.
 */

export type RegistrationInvitation = JsonResponse<'checkRegistrationInvitation', 200>;
export type IdentityMethod = RegistrationInvitation['identityMethods'][number];
export type EmailCodeSent = JsonResponse<'sendRegistrationEmailCode', 202>;
/** The ticket that lets the patient choose a username and password (30 minutes, once). */
export type IdentityVerified = JsonResponse<'verifyRegistrationIdentity', 200>;

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
export function useRegistrationInvitation(token: string) {
  return $api.useQuery(
    'get',
    '/api/v1/registration/invitation',
    { params: { header: { 'X-Invitation-Token': token } } },
    {
      staleTime: Infinity,
      gcTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: false,
    },
  );
}
