import { DomainError, notFoundError } from '../../common/problem.js';

const ASK_CLINIC = 'Ask the clinic for a new invitation.';

// --- staff side ------------------------------------------------------------------------

export class InvitationNotFoundError extends notFoundError(
  'invitation_not_found',
  'No invitation was found with this id.',
) {}

export class PatientEmailMissingError extends DomainError {
  constructor() {
    super(
      422,
      'patient_email_missing',
      'The patient has no email address',
      'Add the patient’s email address to their record, then send the invitation.',
    );
  }
}

export class PatientHasAccountError extends DomainError {
  constructor() {
    super(
      409,
      'patient_has_account',
      'The patient already has a portal account',
      'This patient already has a portal account, so no invitation is needed. A forgotten ' +
        'password can be reset from the sign-in page.',
    );
  }
}

export class InvitationStillValidError extends DomainError {
  constructor() {
    super(
      409,
      'invitation_still_valid',
      'The patient already has a valid invitation',
      'This patient has an invitation that has not expired yet. Resend it instead of creating a new one.',
    );
  }
}

export class InvitationAlreadyAcceptedError extends DomainError {
  constructor() {
    super(
      409,
      'invitation_already_accepted',
      'The invitation was already used',
      'The patient has already registered with this invitation.',
    );
  }
}

export class InvitationAlreadyRevokedError extends DomainError {
  constructor() {
    super(
      409,
      'invitation_already_revoked',
      'The invitation was revoked',
      'This invitation was revoked and cannot be sent again. Create a new invitation instead.',
    );
  }
}

// --- patient side (the registration link) ---------------------------------------------

export class InvitationLinkInvalidError extends DomainError {
  constructor() {
    super(
      404,
      'invitation_link_invalid',
      'This invitation link is not valid',
      `Check that you opened the whole link from your invitation email. If it still does not work, ${ASK_CLINIC.toLowerCase()}`,
    );
  }
}

export class InvitationExpiredError extends DomainError {
  constructor() {
    super(410, 'invitation_expired', 'This invitation has expired', `${ASK_CLINIC}`);
  }
}

export class InvitationUsedError extends DomainError {
  constructor() {
    super(
      410,
      'invitation_used',
      'This invitation has already been used',
      'An account was already created with this invitation. Sign in with your username and ' +
        'password, or use “Forgot password” on the sign-in page.',
    );
  }
}

export class InvitationRevokedError extends DomainError {
  constructor() {
    super(
      410,
      'invitation_revoked',
      'This invitation was cancelled',
      `The clinic cancelled this invitation. ${ASK_CLINIC}`,
    );
  }
}

export class InvitationReplacedError extends DomainError {
  constructor() {
    super(
      410,
      'invitation_replaced',
      'A newer invitation was sent',
      `This link was replaced by a newer invitation. Use the link in the most recent email from the clinic, or ${ASK_CLINIC.toLowerCase()}`,
    );
  }
}

export class InvitationLockedError extends DomainError {
  constructor() {
    super(
      423,
      'invitation_locked',
      'This invitation is locked',
      'The date of birth was entered wrongly too many times, so the invitation is locked to ' +
        'protect your record. Ask the clinic to send you the invitation again.',
    );
  }
}
