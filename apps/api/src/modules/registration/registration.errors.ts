import { DomainError } from '../../common/problem.js';

const START_AGAIN = 'Open the link in your invitation email and confirm your identity again.';

export class IdentityNotConfirmedError extends DomainError {
  constructor(field: 'dateOfBirth' | 'emailCode', message: string) {
    super(422, 'identity_not_confirmed', 'We could not confirm your identity', message, [
      { field, message },
    ]);
  }
}

export class EmailCodeNotRequestedError extends DomainError {
  constructor() {
    super(
      422,
      'email_code_not_requested',
      'No code was sent yet',
      'Ask for a code to be emailed to you first, then enter it here.',
    );
  }
}

export class EmailCodeExpiredError extends DomainError {
  constructor() {
    super(
      410,
      'email_code_expired',
      'This code has expired',
      'Codes work for 10 minutes. Ask for a new code.',
    );
  }
}

export class EmailCodeUsedError extends DomainError {
  constructor() {
    super(410, 'email_code_used', 'This code was already used', 'Ask for a new code.');
  }
}

export class EmailCodeTriesExceededError extends DomainError {
  constructor() {
    super(
      410,
      'email_code_tries_exceeded',
      'Too many wrong codes',
      'This code was entered wrongly too many times. Ask for a new code.',
    );
  }
}

export class EmailCodeLimitError extends DomainError {
  constructor() {
    super(
      429,
      'email_code_limit_reached',
      'No more codes can be sent',
      'We have sent as many codes as we can for this invitation. Confirm your identity with ' +
        'your date of birth instead, or ask the clinic to send the invitation again.',
    );
  }
}

export class RegistrationTicketInvalidError extends DomainError {
  constructor() {
    super(404, 'registration_ticket_invalid', 'Your identity check was not found', START_AGAIN);
  }
}

export class RegistrationTicketExpiredError extends DomainError {
  constructor() {
    super(
      410,
      'registration_ticket_expired',
      'Your identity check has expired',
      `It lasts 30 minutes. ${START_AGAIN}`,
    );
  }
}

export class RegistrationTicketUsedError extends DomainError {
  constructor() {
    super(
      410,
      'registration_ticket_used',
      'Registration is already complete',
      'Your account was already created. Sign in with your username and password.',
    );
  }
}

export class UsernameTakenError extends DomainError {
  constructor() {
    const message = 'This username is already taken. Choose another one.';
    super(409, 'username_taken', 'This username is taken', message, [
      { field: 'username', message },
    ]);
  }
}

export class AccountExistsError extends DomainError {
  constructor() {
    super(
      409,
      'account_exists',
      'You already have an account',
      'A portal account already exists for you. Sign in, or use “Forgot password” on the ' +
        'sign-in page.',
    );
  }
}
