import type {
  JsonRequestBody,
  JsonResponse,
  Liveness,
  LoginRequest,
  LoginResult,
  paths,
  Problem,
  Readiness,
  SecondFactorMethod,
  Session,
} from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  passwordProblems,
  problems,
  recoveryCodesFactory,
  securitySettingsFactory,
  sessionFactory,
  type ActiveSession,
  type SecuritySettings,
} from './factories';

/** Only paths that exist in the generated schema compile, so a renamed route breaks the mocks. */
function apiPath<P extends keyof paths>(path: P): P {
  return path;
}

/** MSW spells path parameters `:name` where OpenAPI spells them `{name}`. */
function mswPath<P extends keyof paths>(path: P): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export const apiPaths = {
  live: apiPath('/api/health/live'),
  ready: apiPath('/api/health/ready'),
  session: apiPath('/api/v1/auth/session'),
  login: apiPath('/api/v1/auth/login'),
  verifyLogin: apiPath('/api/v1/auth/login/verify'),
  resendLoginCode: apiPath('/api/v1/auth/login/resend-code'),
  logout: apiPath('/api/v1/auth/logout'),
  logoutEverywhere: apiPath('/api/v1/auth/logout-everywhere'),
  passwordReset: apiPath('/api/v1/auth/password-reset'),
  passwordResetComplete: apiPath('/api/v1/auth/password-reset/complete'),
  usernameReminder: apiPath('/api/v1/auth/username-reminder'),
  unlock: apiPath('/api/v1/auth/unlock'),
  security: apiPath('/api/v1/account/security'),
  changePassword: apiPath('/api/v1/account/password'),
  totpSetup: apiPath('/api/v1/account/totp/setup'),
  totpConfirm: apiPath('/api/v1/account/totp/confirm'),
  secondFactor: apiPath('/api/v1/account/second-factor'),
  recoveryCodes: apiPath('/api/v1/account/recovery-codes'),
  sessions: apiPath('/api/v1/account/sessions'),
  endSession: mswPath('/api/v1/account/sessions/{sessionId}'),
} as const;

type VerifyRequest = JsonRequestBody<'verifySecondFactor'>;
type PasswordResetRequest = JsonRequestBody<'requestPasswordReset'>;
type PasswordResetComplete = JsonRequestBody<'completePasswordReset'>;
type UsernameReminderRequest = JsonRequestBody<'remindUsername'>;
type TokenRequest = JsonRequestBody<'unlockSignIn'>;
type ChangePasswordRequest = JsonRequestBody<'changePassword'>;
type SetSecondFactorRequest = JsonRequestBody<'setSecondFactor'>;
type PasswordConfirmation = JsonRequestBody<'regenerateRecoveryCodes'>;
type TotpConfirmRequest = JsonRequestBody<'confirmTotpSetup'>;
type TotpSetup = JsonResponse<'startTotpSetup', 200>;
type RecoveryCodes = JsonResponse<'confirmTotpSetup', 200>;
type ActiveSessionList = JsonResponse<'listMySessions', 200>;

/** A problem+json response, as the API's exception filter writes it. */
export function problemResponse(
  problem: Problem,
  headers: Record<string, string> = {},
): HttpResponse<Problem> {
  return HttpResponse.json(problem, {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function noContent(): HttpResponse<null> {
  return new HttpResponse(null, { status: 204 });
}

/** The API refuses state-changing requests without the double-submit header; so do the mocks. */
function csrfRefusal(request: Request): HttpResponse<Problem> | undefined {
  return request.headers.get('X-CSRF-Token') ? undefined : problemResponse(problems.csrf());
}

export const healthHandlers: HttpHandler[] = [
  http.get<never, never, Liveness>(apiPaths.live, () => HttpResponse.json({ status: 'ok' })),
  http.get<never, never, Readiness>(apiPaths.ready, () =>
    HttpResponse.json({
      status: 'ok',
      checks: { database: { status: 'ok' }, queue: { status: 'ok', backend: 'postgres' } },
    }),
  ),
];

export interface MockAccount {
  username: string;
  password: string;
  /** Session created when this account signs in. */
  session: Session;
  /** When set, sign-in stops at the second factor with these methods (the first is usual). */
  secondFactor?: SecondFactorMethod[];
  /** Shown on the verification step for emailed codes. */
  maskedEmail?: string;
  /** The codes the second step accepts. Recovery codes work once each. */
  codes?: { email?: string; totp?: string; recovery?: string[] };
}

export interface AuthBackendState {
  session: Session | null;
  /** The account whose sign-in waits for its second step. */
  pending: MockAccount | null;
  /** Every body the login endpoint received, in order. */
  logins: LoginRequest[];
  /** Every body the verify endpoint received, in order. */
  verifications: VerifyRequest[];
  /** Wrong codes for the waiting sign-in. */
  codeFailures: number;
  resends: number;
  sessionReads: number;
  logouts: number;
  logoutsEverywhere: number;
}

export interface AuthBackend {
  handlers: HttpHandler[];
  state: AuthBackendState;
}

export interface AuthBackendOptions {
  session?: Session | null;
  accounts?: MockAccount[];
  /**
   * Like the API, every GET /session counts as activity and moves idleExpiresAt this many
   * minutes past now (the mocks read Date.now(), so fake timers move them too); a session
   * whose idleExpiresAt has passed answers 401. Default 15.
   */
  idleMinutes?: number;
  /** Wrong codes allowed before the waiting sign-in ends. Default 5, as the API. */
  maxCodeTries?: number;
}

/**
 * A small stateful stand-in for the auth endpoints: signing in (with its second step) sets
 * the session the next GET /session returns, signing out clears it. Fresh state per call, so
 * tests never share it.
 */
export function createAuthBackend(options: AuthBackendOptions = {}): AuthBackend {
  const accounts = options.accounts ?? [];
  const idleMs = (options.idleMinutes ?? 15) * 60_000;
  const maxCodeTries = options.maxCodeTries ?? 5;
  const state: AuthBackendState = {
    session: options.session ?? null,
    pending: null,
    logins: [],
    verifications: [],
    codeFailures: 0,
    resends: 0,
    sessionReads: 0,
    logouts: 0,
    logoutsEverywhere: 0,
  };

  /** The live session, after ending it when it has been idle too long. */
  const liveSession = (): Session | null => {
    if (state.session && Date.parse(state.session.idleExpiresAt) <= Date.now()) {
      state.session = null;
    }
    return state.session;
  };

  const handlers: HttpHandler[] = [
    http.get<never, never, Session | Problem>(apiPaths.session, () => {
      state.sessionReads += 1;
      const session = liveSession();
      if (!session) {
        // Signed out is an answer here, not an error: 204, no body (every other route: 401).
        return new HttpResponse(null, { status: 204 });
      }
      state.session = {
        ...session,
        idleExpiresAt: new Date(Date.now() + idleMs).toISOString(),
      };
      return HttpResponse.json(state.session);
    }),
    http.post<never, LoginRequest, LoginResult | Problem>(apiPaths.login, async ({ request }) => {
      const refused = csrfRefusal(request);
      if (refused) {
        return refused;
      }
      const body = await request.json();
      state.logins.push(body);
      const account = accounts.find(
        (candidate) => candidate.username === body.username && candidate.password === body.password,
      );
      if (!account) {
        return problemResponse(problems.invalidCredentials());
      }
      if (account.secondFactor) {
        state.pending = account;
        state.codeFailures = 0;
        return HttpResponse.json({
          status: 'second-factor-required',
          methods: account.secondFactor,
          ...(account.maskedEmail ? { maskedEmail: account.maskedEmail } : {}),
        });
      }
      state.session = fresh(account.session, idleMs);
      return HttpResponse.json({ status: 'signed-in', session: state.session });
    }),
    http.post<never, VerifyRequest, Session | Problem>(
      apiPaths.verifyLogin,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const body = await request.json();
        state.verifications.push(body);
        const pending = state.pending;
        if (!pending) {
          return problemResponse(
            problems.signInAgain('Your sign-in took too long. Sign in again.'),
          );
        }
        const usual = pending.secondFactor?.[0];
        let ok = false;
        if (body.method === 'recovery-code') {
          const recovery = pending.codes?.recovery ?? [];
          const index = recovery.indexOf(body.code);
          if (index >= 0) {
            recovery.splice(index, 1);
            ok = true;
          }
        } else if (body.method !== usual) {
          return problemResponse(
            problems.validation([
              { field: 'method', message: 'This account uses another method.' },
            ]),
          );
        } else {
          ok = body.code === pending.codes?.[body.method];
        }
        if (!ok) {
          state.codeFailures += 1;
          if (state.codeFailures >= maxCodeTries) {
            state.pending = null;
            return problemResponse(problems.signInAgain());
          }
          return problemResponse(problems.invalidCode(maxCodeTries - state.codeFailures));
        }
        state.pending = null;
        state.session = fresh(pending.session, idleMs);
        return HttpResponse.json(state.session);
      },
    ),
    http.post<never, never, Problem | null>(apiPaths.resendLoginCode, ({ request }) => {
      const refused = csrfRefusal(request);
      if (refused) {
        return refused;
      }
      if (!state.pending || state.pending.secondFactor?.[0] !== 'email') {
        return problemResponse(
          problems.signInAgain('Your sign-in took too long. Sign in again to get a new code.'),
        );
      }
      state.resends += 1;
      return noContent();
    }),
    http.post<never, never, Problem | null>(apiPaths.logout, ({ request }) => {
      const refused = csrfRefusal(request);
      if (refused) {
        return refused;
      }
      if (!liveSession()) {
        return problemResponse(problems.notSignedIn());
      }
      state.logouts += 1;
      state.session = null;
      return noContent();
    }),
    http.post<never, never, Problem | null>(apiPaths.logoutEverywhere, ({ request }) => {
      const refused = csrfRefusal(request);
      if (refused) {
        return refused;
      }
      if (!liveSession()) {
        return problemResponse(problems.notSignedIn());
      }
      state.logoutsEverywhere += 1;
      state.session = null;
      return noContent();
    }),
  ];

  return { handlers, state };
}

function fresh(session: Session, idleMs: number): Session {
  return { ...session, idleExpiresAt: new Date(Date.now() + idleMs).toISOString() };
}

/** Handlers for a visitor who already has a session. */
export function mockSignedIn(
  session: Session = sessionFactory(),
  options: { accounts?: MockAccount[] } = {},
): HttpHandler[] {
  return createAuthBackend({ ...options, session }).handlers;
}

/** Handlers for a visitor with no session; `accounts` lists who can sign in. */
export function mockSignedOut(options: { accounts?: MockAccount[] } = {}): HttpHandler[] {
  return createAuthBackend({ ...options, session: null }).handlers;
}

/** The login endpoint answers with this problem whatever is sent (throttling, outages). */
export function mockLoginProblem(
  problem: Problem,
  headers: Record<string, string> = {},
): HttpHandler[] {
  return [
    http.post<never, never, Problem>(apiPaths.login, () => problemResponse(problem, headers)),
  ];
}

/** Sign-in is paused for this account or address: 429 with Retry-After, as the API sends. */
export function mockLoginThrottled(retryAfterSeconds: number): HttpHandler[] {
  return mockLoginProblem(problems.throttled(retryAfterSeconds), {
    'Retry-After': String(retryAfterSeconds),
  });
}

/** The network fails for every auth call, as when the device is offline. */
export function mockAuthOffline(): HttpHandler[] {
  return [
    http.get(apiPaths.session, () => HttpResponse.error()),
    http.post(apiPaths.login, () => HttpResponse.error()),
    http.post(apiPaths.logout, () => HttpResponse.error()),
  ];
}

export interface RecoveryBackendState {
  resetRequests: PasswordResetRequest[];
  resetCompletions: PasswordResetComplete[];
  usernameReminders: UsernameReminderRequest[];
  unlocks: TokenRequest[];
}

export interface RecoveryBackend {
  handlers: HttpHandler[];
  state: RecoveryBackendState;
}

/**
 * Forgotten password and username, and the emailed unlock link. Requests always answer 204
 * (the API never says whether an account exists); tokens work once, others answer 410.
 */
export function createRecoveryBackend(
  options: {
    /** Tokens the reset link accepts, each mapped to the username its password must not hold. */
    resetTokens?: Record<string, string>;
    unlockTokens?: string[];
  } = {},
): RecoveryBackend {
  const resetTokens = new Map(Object.entries(options.resetTokens ?? {}));
  const unlockTokens = new Set(options.unlockTokens ?? []);
  const state: RecoveryBackendState = {
    resetRequests: [],
    resetCompletions: [],
    usernameReminders: [],
    unlocks: [],
  };

  const handlers: HttpHandler[] = [
    http.post<never, PasswordResetRequest, Problem | null>(
      apiPaths.passwordReset,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        state.resetRequests.push(await request.json());
        return noContent();
      },
    ),
    http.post<never, PasswordResetComplete, Problem | null>(
      apiPaths.passwordResetComplete,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const body = await request.json();
        state.resetCompletions.push(body);
        const username = resetTokens.get(body.token);
        if (username === undefined) {
          return problemResponse(problems.linkInvalid());
        }
        const wrong = passwordProblems(body.password, username, 'password');
        if (wrong.length > 0) {
          return problemResponse(problems.validation(wrong));
        }
        resetTokens.delete(body.token);
        return noContent();
      },
    ),
    http.post<never, UsernameReminderRequest, Problem | null>(
      apiPaths.usernameReminder,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        state.usernameReminders.push(await request.json());
        return noContent();
      },
    ),
    http.post<never, TokenRequest, Problem | null>(apiPaths.unlock, async ({ request }) => {
      const refused = csrfRefusal(request);
      if (refused) {
        return refused;
      }
      const body = await request.json();
      state.unlocks.push(body);
      if (!unlockTokens.delete(body.token)) {
        return problemResponse(problems.linkInvalid());
      }
      return noContent();
    }),
  ];

  return { handlers, state };
}

export interface AccountBackendState {
  security: SecuritySettings;
  password: string;
  sessions: ActiveSession[];
  passwordChanges: ChangePasswordRequest[];
  totpSetups: number;
  totpConfirmations: TotpConfirmRequest[];
  secondFactorChanges: SetSecondFactorRequest[];
  recoveryCodeRequests: PasswordConfirmation[];
  endedSessions: string[];
}

export interface AccountBackend {
  handlers: HttpHandler[];
  state: AccountBackendState;
}

export interface AccountBackendOptions {
  username?: string;
  /** The current password, which confirms sensitive changes. */
  password?: string;
  security?: Partial<SecuritySettings>;
  sessions?: ActiveSession[];
  /** What the set-up answers with, and the code the "app" shows. */
  totp?: { secret?: string; otpauthUri?: string; code?: string };
  /** The codes handed out after set-up or when replaced. */
  recoveryCodes?: string[];
}

/**
 * The signed-in person's own settings: password, second factor, recovery codes, sessions.
 * Mirrors the API's checks: the current password confirms changes, new passwords follow the
 * password rules, staff under the clinic policy cannot turn the second step off.
 */
export function createAccountBackend(options: AccountBackendOptions = {}): AccountBackend {
  const username = options.username ?? 'ana.patient';
  const secret = options.totp?.secret ?? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const setup: TotpSetup = {
    secret,
    otpauthUri:
      options.totp?.otpauthUri ??
      `otpauth://totp/Portal:${encodeURIComponent(username)}?secret=${secret}&issuer=Portal&algorithm=SHA1&digits=6&period=30`,
  };
  const totpCode = options.totp?.code ?? '123456';
  const recoveryCodes = options.recoveryCodes ?? recoveryCodesFactory();
  let setupInProgress = false;
  const state: AccountBackendState = {
    security: securitySettingsFactory(options.security),
    password: options.password ?? 'current passphrase here',
    sessions: [...(options.sessions ?? [])],
    passwordChanges: [],
    totpSetups: 0,
    totpConfirmations: [],
    secondFactorChanges: [],
    recoveryCodeRequests: [],
    endedSessions: [],
  };

  const handlers: HttpHandler[] = [
    http.get<never, never, SecuritySettings>(apiPaths.security, () =>
      HttpResponse.json(state.security),
    ),
    http.post<never, ChangePasswordRequest, Problem | null>(
      apiPaths.changePassword,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const body = await request.json();
        state.passwordChanges.push(body);
        if (body.currentPassword !== state.password) {
          return problemResponse(problems.wrongPassword('currentPassword'));
        }
        const wrong = passwordProblems(body.newPassword, username, 'newPassword');
        if (wrong.length > 0) {
          return problemResponse(problems.validation(wrong));
        }
        state.password = body.newPassword;
        state.security = { ...state.security, passwordChangedAt: new Date().toISOString() };
        // Like the API: every other session ends.
        state.sessions = state.sessions.filter((session) => session.current);
        return noContent();
      },
    ),
    http.post<never, PasswordConfirmation, TotpSetup | Problem>(
      apiPaths.totpSetup,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        // Like the API: the password confirms it, so a stolen session cannot swap the app.
        const body = await request.json();
        if (body.password !== state.password) {
          return problemResponse(problems.wrongPassword('password'));
        }
        state.totpSetups += 1;
        setupInProgress = true;
        return HttpResponse.json(setup);
      },
    ),
    http.post<never, TotpConfirmRequest, RecoveryCodes | Problem>(
      apiPaths.totpConfirm,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const body = await request.json();
        state.totpConfirmations.push(body);
        if (!setupInProgress) {
          return problemResponse({
            type: 'about:blank',
            status: 409,
            code: 'no_setup_in_progress',
            title: 'Start again',
            detail: 'Start the authenticator set-up again, then enter the code it shows.',
          });
        }
        if (body.code !== totpCode) {
          return problemResponse(problems.totpCodeMismatch());
        }
        setupInProgress = false;
        state.security = {
          ...state.security,
          secondFactor: 'totp',
          recoveryCodesRemaining: recoveryCodes.length,
        };
        return HttpResponse.json({ recoveryCodes });
      },
    ),
    http.post<never, SetSecondFactorRequest, Problem | null>(
      apiPaths.secondFactor,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const body = await request.json();
        state.secondFactorChanges.push(body);
        if (body.password !== state.password) {
          return problemResponse(problems.wrongPassword('password'));
        }
        if (body.method === 'none' && state.security.secondFactorRequired) {
          return problemResponse(problems.secondFactorRequired());
        }
        state.security = {
          ...state.security,
          secondFactor: body.method,
          recoveryCodesRemaining: 0,
        };
        return noContent();
      },
    ),
    http.post<never, PasswordConfirmation, RecoveryCodes | Problem>(
      apiPaths.recoveryCodes,
      async ({ request }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const body = await request.json();
        state.recoveryCodeRequests.push(body);
        if (body.password !== state.password) {
          return problemResponse(problems.wrongPassword('password'));
        }
        const fresh = recoveryCodesFactory('n');
        state.security = { ...state.security, recoveryCodesRemaining: fresh.length };
        return HttpResponse.json({ recoveryCodes: fresh });
      },
    ),
    http.get<never, never, ActiveSessionList>(apiPaths.sessions, () =>
      HttpResponse.json({ items: state.sessions }),
    ),
    http.delete<{ sessionId: string }, never, Problem | null>(
      apiPaths.endSession,
      ({ request, params }) => {
        const refused = csrfRefusal(request);
        if (refused) {
          return refused;
        }
        const index = state.sessions.findIndex((session) => session.id === params.sessionId);
        if (index < 0) {
          return problemResponse(problems.sessionNotFound());
        }
        state.sessions.splice(index, 1);
        state.endedSessions.push(params.sessionId);
        return noContent();
      },
    ),
  ];

  return { handlers, state };
}

/** Defaults for every test: healthy API, nobody signed in, nobody can sign in. */
export const handlers: HttpHandler[] = [...healthHandlers, ...mockSignedOut()];
