/** What the last invitation action did, for the message above the list. */
export type InvitationAction = 'invite' | 'resend' | 'revoke';

export type ActionResult =
  { kind: 'success'; text: string } | { kind: 'error'; action: InvitationAction; error: unknown };

/** API problem codes explained in this app's own words (and language). */
export const PROBLEM_TEXT_KEYS = {
  patient_email_missing: 'invitations.problems.patientEmailMissing',
  patient_has_account: 'invitations.problems.patientHasAccount',
  invitation_still_valid: 'invitations.problems.invitationStillValid',
  invitation_already_accepted: 'invitations.problems.alreadyAccepted',
  invitation_already_revoked: 'invitations.problems.alreadyRevoked',
  invitation_not_found: 'invitations.problems.notFound',
} as const;

export function hasProblemText(code: string): code is keyof typeof PROBLEM_TEXT_KEYS {
  return Object.hasOwn(PROBLEM_TEXT_KEYS, code);
}
