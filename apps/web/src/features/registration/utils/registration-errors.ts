import { isApiError } from '@portal/api-client';

/**
 * Why registration cannot go on, each with its own plain page:
 * - missing: the address has no token (opened without it, or reloaded after it was removed);
 * - invalid: the link is unknown (404 invitation_link_invalid);
 * - expired, used, revoked, replaced: 410 invitation_* (the `code` says which);
 * - locked: five wrong dates of birth (423 invitation_locked);
 * - accountExists: the patient already has an account (409 account_exists);
 * - gone: any other 410 about the invitation.
 */
export type StopReason =
  | 'missing'
  | 'invalid'
  | 'expired'
  | 'used'
  | 'revoked'
  | 'replaced'
  | 'locked'
  | 'accountExists'
  | 'gone';

const BY_CODE: Record<string, StopReason> = {
  invitation_link_invalid: 'invalid',
  invitation_expired: 'expired',
  invitation_used: 'used',
  invitation_revoked: 'revoked',
  invitation_replaced: 'replaced',
  invitation_locked: 'locked',
  account_exists: 'accountExists',
  // The ticket was spent: the account exists, the patient signs in.
  registration_ticket_used: 'used',
};

/** The reason a registration step ended the whole flow, or undefined when it can go on. */
export function stopReason(error: unknown): StopReason | undefined {
  if (!isApiError(error)) {
    return undefined;
  }
  const known = BY_CODE[error.code];
  if (known) {
    return known;
  }
  if (error.status === 423) {
    return 'locked';
  }
  if (error.status === 410 && error.code.startsWith('invitation_')) {
    return 'gone';
  }
  return undefined;
}

/** The identity check behind the ticket expired or is unknown: prove identity again. */
export function needsNewTicket(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === 'registration_ticket_expired' ||
      error.code === 'registration_ticket_invalid' ||
      error.fieldError('ticket') !== undefined)
  );
}

/**
 * How many tries are left, from the API's message ("… 3 tries left."). The API says it in
 * words only (no number of its own in the problem document), so this reads the number out
 * to say it in the reader's language; undefined when the message has none.
 */
export function triesLeft(message: string | undefined): number | undefined {
  const match = message?.match(/\b(\d+)\s+tr(?:y|ies)\s+left\b/i);
  return match ? Number(match[1]) : undefined;
}
