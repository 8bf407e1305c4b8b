import type { Problem, ProblemFieldError, Session, SessionUser } from '@portal/api-client';

export type SessionOverrides = Partial<Omit<Session, 'user'>> & { user?: Partial<SessionUser> };

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
    user: {
      id: nextId(),
      username: 'ana.patient',
      kind: 'patient',
      displayName: 'Ana Silva',
      roles: [],
      patientId: nextId(),
      ...user,
    },
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

/** The problems the auth endpoints answer with; wording mirrors what the API sends. */
export const problems = {
  notSignedIn: (): Problem =>
    problemFactory({
      status: 401,
      code: 'auth.not_signed_in',
      title: 'Not signed in',
      detail: 'Sign in to continue.',
    }),
  invalidCredentials: (): Problem =>
    problemFactory({
      status: 401,
      code: 'auth.invalid_credentials',
      title: 'Sign-in failed',
      detail: 'The username or password is not correct.',
    }),
  csrf: (): Problem =>
    problemFactory({
      status: 403,
      code: 'auth.csrf_invalid',
      title: 'Request refused',
      detail: 'Reload the page and try again.',
    }),
  throttled: (): Problem =>
    problemFactory({
      status: 429,
      code: 'auth.throttled',
      title: 'Too many attempts',
      detail: 'Too many sign-in attempts. Wait a few minutes, then try again.',
    }),
  validation: (errors: ProblemFieldError[]): Problem =>
    problemFactory({
      status: 400,
      code: 'validation.failed',
      title: 'Invalid request',
      detail: 'Some fields are not filled in correctly.',
      errors,
    }),
};
