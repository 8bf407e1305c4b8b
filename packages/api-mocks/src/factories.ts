import { permissionsOf } from '@portal/api-client';
import type {
  JsonResponse,
  Problem,
  ProblemFieldError,
  Session,
  SessionUser,
} from '@portal/api-client';

export type SessionOverrides = Partial<Omit<Session, 'user'>> & { user?: Partial<SessionUser> };
export type SecuritySettings = JsonResponse<'getSecuritySettings', 200>;
export type ActiveSession = JsonResponse<'listMySessions', 200>['items'][number];

let sequence = 0;

/** Deterministic, valid UUIDs (v7 layout) so failing tests print stable ids. */
export function nextId(): string {
  sequence += 1;
  return `0190b5d2-7c4e-7000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

const MINUTE = 60_000;

/** A patient session that is valid right now: idle logoff in 15 minutes, absolute in 12 hours. */
export function sessionFactory(overrides: SessionOverrides = {}): Session {
  const now = Date.now();
  const { user, ...rest } = overrides;
  return {
    idleExpiresAt: new Date(now + 15 * MINUTE).toISOString(),
    absoluteExpiresAt: new Date(now + 12 * 60 * MINUTE).toISOString(),
    ...rest,
    user: withPermissions({
      id: nextId(),
      username: 'ana.patient',
      kind: 'patient',
      displayName: 'Ana Silva',
      roles: [],
      patientId: nextId(),
      ...user,
    }),
  };
}

/** A staff session; front desk unless the test says otherwise. */
export function staffSessionFactory(overrides: SessionOverrides = {}): Session {
  return sessionFactory({
    ...overrides,
    user: {
      username: 'sam.staff',
      kind: 'staff',
      displayName: 'Sam Okafor',
      roles: ['front-desk'],
      patientId: null,
      ...overrides.user,
    },
  });
}

/** What GET /account/security answers for an account with no second factor. */
export function securitySettingsFactory(
  overrides: Partial<SecuritySettings> = {},
): SecuritySettings {
  return {
    secondFactor: 'none',
    secondFactorRequired: false,
    recoveryCodesRemaining: 0,
    passwordChangedAt: '2026-03-02T15:04:00.000Z',
    ...overrides,
  };
}

/** One row of GET /account/sessions; ids are 64 hex characters, as the API sends them. */
export function activeSessionFactory(overrides: Partial<ActiveSession> = {}): ActiveSession {
  sequence += 1;
  return {
    id: sequence.toString(16).padStart(64, '0'),
    createdAt: '2026-03-02T14:00:00.000Z',
    lastSeenAt: '2026-03-02T15:00:00.000Z',
    ip: '203.0.113.7',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    current: false,
    ...overrides,
  };
}

/** Ten recovery codes in the API's format ("k7dq2-m9x4p"). */
export function recoveryCodesFactory(prefix = 'a'): string[] {
  return Array.from({ length: 10 }, (_, index) => `${prefix}${index}dq2-m9x4p`);
}

/** An RFC 9457 problem document shaped like the API's. */
export function problemFactory(
  overrides: Partial<Problem> & Pick<Problem, 'status' | 'code'>,
): Problem {
  return {
    type: 'about:blank',
    title: 'Request failed',
    detail: 'The request could not be completed.',
    ...overrides,
  };
}

/** The problems the auth and account endpoints answer with; codes and words mirror the API. */
export const problems = {
  notSignedIn: (): Problem =>
    problemFactory({
      status: 401,
      code: 'unauthenticated',
      title: 'You need to sign in',
      detail: 'Your session has ended. Sign in again to continue.',
    }),
  invalidCredentials: (): Problem =>
    problemFactory({
      status: 401,
      code: 'invalid_credentials',
      title: 'Sign-in failed',
      detail: 'The username or password is not right. Check them and try again.',
    }),
  csrf: (): Problem =>
    problemFactory({
      status: 403,
      code: 'csrf_token_invalid',
      title: 'Security check failed',
      detail: 'The request is missing its security token. Reload the page and try again.',
    }),
  throttled: (retryAfterSeconds = 300): Problem =>
    problemFactory({
      status: 429,
      code: 'too_many_sign_in_attempts',
      title: 'Too many sign-in attempts',
      detail: `Too many tries. Wait ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s) and try again, or reset your password.`,
    }),
  validation: (errors: ProblemFieldError[]): Problem =>
    problemFactory({
      status: 400,
      code: 'validation_failed',
      title: 'Some fields are not valid',
      detail: errors.map((error) => error.message).join(' '),
      errors,
    }),
  invalidCode: (triesLeft: number): Problem =>
    problemFactory({
      status: 400,
      code: 'invalid_code',
      title: 'The code is not right',
      detail:
        triesLeft > 0
          ? `That code did not work. Check it and try again (${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left).`
          : 'That code did not work.',
      errors: [{ field: 'code', message: 'That code did not work.' }],
    }),
  codeExpired: (): Problem =>
    problemFactory({
      status: 400,
      code: 'code_expired',
      title: 'The code has expired',
      detail: 'This code has expired. Ask for a new code and try again.',
      errors: [{ field: 'code', message: 'This code has expired.' }],
    }),
  signInAgain: (
    detail = 'Too many wrong codes, or the sign-in took too long. Sign in again to get a new code.',
  ): Problem =>
    problemFactory({ status: 401, code: 'sign_in_again', title: 'Sign in again', detail }),
  linkInvalid: (): Problem =>
    problemFactory({
      status: 410,
      code: 'link_invalid',
      title: 'This link no longer works',
      detail: 'This link has expired or was already used. Ask for a new one from the sign-in page.',
    }),
  wrongPassword: (field = 'password'): Problem =>
    problemFactory({
      status: 400,
      code: 'wrong_password',
      title: 'The password is not right',
      detail: 'Your current password is not right.',
      errors: [{ field, message: 'Your current password is not right.' }],
    }),
  secondFactorRequired: (): Problem =>
    problemFactory({
      status: 422,
      code: 'second_factor_required',
      title: 'A second step is required',
      detail: 'Your clinic requires a second sign-in step for staff accounts.',
    }),
  totpCodeMismatch: (): Problem =>
    problemFactory({
      status: 400,
      code: 'validation_failed',
      title: 'Some fields are not valid',
      detail: 'That code did not match. Check the time on your phone and try the newest code.',
      errors: [
        {
          field: 'code',
          message: 'That code did not match. Check the time on your phone and try the newest code.',
        },
      ],
    }),
  sessionNotFound: (): Problem =>
    problemFactory({
      status: 404,
      code: 'session_not_found',
      title: 'Not found',
      detail: 'That session has already ended.',
    }),
};

/**
 * The API's password rules (12–128 characters, not common, not containing the username),
 * with its wording, for mocks that accept or refuse new passwords.
 */
export function passwordProblems(
  password: string,
  username: string,
  field: string,
): ProblemFieldError[] {
  const length = [...password].length;
  if (length < 12) {
    return [
      { field, message: 'Use at least 12 characters. A short sentence is easy to remember.' },
    ];
  }
  if (length > 128) {
    return [{ field, message: 'Use at most 128 characters.' }];
  }
  if (['password1234', 'qwertyuiop12', '123456789012'].includes(password.toLowerCase())) {
    return [
      { field, message: 'This password is too common and easy to guess. Choose another one.' },
    ];
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    return [{ field, message: 'Your password must not contain your username.' }];
  }
  return [];
}

/** A session user holds what the API's permission table gives its kind and roles. */
function withPermissions(user: Omit<Session['user'], 'permissions'> & Partial<Session['user']>) {
  return { ...user, permissions: user.permissions ?? permissionsOf(user.kind, user.roles) };
}
