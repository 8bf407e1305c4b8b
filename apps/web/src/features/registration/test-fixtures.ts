import type { Problem } from '@portal/api-client';
import { problemFactory } from '@portal/api-mocks';

/*
 * The problems the registration endpoints answer with, in the API's codes and words
 * (apps/api/src/modules/registration), for the tests to state as answers.
 */

const ASK_CLINIC = 'Ask the clinic for a new invitation.';
const START_AGAIN = 'Open the link in your invitation email and confirm your identity again.';

/** Why an invitation link cannot be used; each is one problem the API answers with. */
export type InvitationUnusableReason =
  'invalid' | 'expired' | 'used' | 'revoked' | 'replaced' | 'locked';

export const registrationProblems = {
  linkInvalid: (): Problem =>
    problemFactory({
      status: 404,
      code: 'invitation_link_invalid',
      title: 'This invitation link is not valid',
      detail: `Check that you opened the whole link from your invitation email. If it still does not work, ${ASK_CLINIC.toLowerCase()}`,
    }),
  expired: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_expired',
      title: 'This invitation has expired',
      detail: ASK_CLINIC,
    }),
  used: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_used',
      title: 'This invitation has already been used',
      detail:
        'An account was already created with this invitation. Sign in with your username and ' +
        'password, or use “Forgot password” on the sign-in page.',
    }),
  revoked: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_revoked',
      title: 'This invitation was cancelled',
      detail: `The clinic cancelled this invitation. ${ASK_CLINIC}`,
    }),
  replaced: (): Problem =>
    problemFactory({
      status: 410,
      code: 'invitation_replaced',
      title: 'A newer invitation was sent',
      detail: `This link was replaced by a newer invitation. Use the link in the most recent email from the clinic, or ${ASK_CLINIC.toLowerCase()}`,
    }),
  locked: (): Problem =>
    problemFactory({
      status: 423,
      code: 'invitation_locked',
      title: 'This invitation is locked',
      detail:
        'The date of birth was entered wrongly too many times, so the invitation is locked to ' +
        'protect your record. Ask the clinic to send you the invitation again.',
    }),
  wrongBirthDate: (left: number): Problem => {
    const message = `The date of birth does not match our records. ${left === 1 ? '1 try' : `${left} tries`} left.`;
    return problemFactory({
      status: 422,
      code: 'identity_not_confirmed',
      title: 'We could not confirm your identity',
      detail: message,
      errors: [{ field: 'dateOfBirth', message }],
    });
  },
  wrongEmailCode: (left: number): Problem => {
    const message =
      left > 0
        ? `That code is not right. ${left === 1 ? '1 try' : `${left} tries`} left.`
        : 'That code is not right, and it cannot be tried again. Ask for a new code.';
    return problemFactory({
      status: 422,
      code: 'identity_not_confirmed',
      title: 'We could not confirm your identity',
      detail: message,
      errors: [{ field: 'emailCode', message }],
    });
  },
  emailCodeExpired: (): Problem =>
    problemFactory({
      status: 410,
      code: 'email_code_expired',
      title: 'This code has expired',
      detail: 'Codes work for 10 minutes. Ask for a new code.',
    }),
  emailCodeLimit: (): Problem =>
    problemFactory({
      status: 429,
      code: 'email_code_limit_reached',
      title: 'No more codes can be sent',
      detail:
        'We have sent as many codes as we can for this invitation. Confirm your identity with ' +
        'your date of birth instead, or ask the clinic to send the invitation again.',
    }),
  ticketInvalid: (): Problem =>
    problemFactory({
      status: 404,
      code: 'registration_ticket_invalid',
      title: 'Your identity check was not found',
      detail: START_AGAIN,
    }),
  ticketExpired: (): Problem =>
    problemFactory({
      status: 410,
      code: 'registration_ticket_expired',
      title: 'Your identity check has expired',
      detail: `It lasts 30 minutes. ${START_AGAIN}`,
    }),
  ticketUsed: (): Problem =>
    problemFactory({
      status: 410,
      code: 'registration_ticket_used',
      title: 'Registration is already complete',
      detail: 'Your account was already created. Sign in with your username and password.',
    }),
  usernameTaken: (): Problem => {
    const message = 'This username is already taken. Choose another one.';
    return problemFactory({
      status: 409,
      code: 'username_taken',
      title: 'This username is taken',
      detail: message,
      errors: [{ field: 'username', message }],
    });
  },
  accountExists: (): Problem =>
    problemFactory({
      status: 409,
      code: 'account_exists',
      title: 'You already have an account',
      detail:
        'A portal account already exists for you. Sign in, or use “Forgot password” on the ' +
        'sign-in page.',
    }),
};

/** The problem GET /registration/invitation answers for a link that cannot be used. */
export const UNUSABLE: Record<InvitationUnusableReason, () => Problem> = {
  invalid: registrationProblems.linkInvalid,
  expired: registrationProblems.expired,
  used: registrationProblems.used,
  revoked: registrationProblems.revoked,
  replaced: registrationProblems.replaced,
  locked: registrationProblems.locked,
};
