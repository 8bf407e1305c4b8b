import { DomainError } from '../../common/problem.js';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(
      401,
      'invalid_credentials',
      'Sign-in failed',
      'The username or password is not right. Check them and try again.',
    );
  }
}

export class InvalidCodeError extends DomainError {
  constructor(triesLeft: number) {
    super(
      400,
      'invalid_code',
      'The code is not right',
      triesLeft > 0
        ? `That code did not work. Check it and try again (${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left).`
        : 'That code did not work.',
      [{ field: 'code', message: 'That code did not work.' }],
    );
  }
}

export class SignInAgainError extends DomainError {
  constructor(
    detail = 'Too many wrong codes, or the sign-in took too long. Sign in again to get a new code.',
  ) {
    super(401, 'sign_in_again', 'Sign in again', detail);
  }
}

export class CodeExpiredError extends DomainError {
  constructor() {
    super(
      400,
      'code_expired',
      'The code has expired',
      'This code has expired. Ask for a new code and try again.',
      [{ field: 'code', message: 'This code has expired.' }],
    );
  }
}

export class LinkInvalidError extends DomainError {
  constructor() {
    super(
      410,
      'link_invalid',
      'This link no longer works',
      'This link has expired or was already used. Ask for a new one from the sign-in page.',
    );
  }
}
