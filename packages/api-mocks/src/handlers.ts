import type {
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
import { problems, sessionFactory } from './factories';

/** Only paths that exist in the generated schema compile, so a renamed route breaks the mocks. */
function apiPath<P extends keyof paths>(path: P): P {
  return path;
}

export const apiPaths = {
  live: apiPath('/api/health/live'),
  ready: apiPath('/api/health/ready'),
  session: apiPath('/api/v1/auth/session'),
  login: apiPath('/api/v1/auth/login'),
  logout: apiPath('/api/v1/auth/logout'),
} as const;

/** A problem+json response, as the API's exception filter writes it. */
export function problemResponse(problem: Problem): HttpResponse<Problem> {
  return HttpResponse.json(problem, {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
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
  /** When set, sign-in stops at the second factor with these methods. */
  secondFactor?: SecondFactorMethod[];
}

export interface AuthBackendState {
  session: Session | null;
  /** Every body the login endpoint received, in order. */
  logins: LoginRequest[];
  logouts: number;
}

export interface AuthBackend {
  handlers: HttpHandler[];
  state: AuthBackendState;
}

/**
 * A small stateful stand-in for the auth endpoints: signing in sets the session the next
 * GET /session returns, signing out clears it. Fresh state per call, so tests never share it.
 */
export function createAuthBackend(
  options: { session?: Session | null; accounts?: MockAccount[] } = {},
): AuthBackend {
  const accounts = options.accounts ?? [];
  const state: AuthBackendState = { session: options.session ?? null, logins: [], logouts: 0 };

  const handlers: HttpHandler[] = [
    http.get<never, never, Session | Problem>(apiPaths.session, () =>
      state.session ? HttpResponse.json(state.session) : problemResponse(problems.notSignedIn()),
    ),
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
        return HttpResponse.json({
          status: 'second-factor-required',
          methods: account.secondFactor,
        });
      }
      state.session = account.session;
      return HttpResponse.json({ status: 'signed-in', session: account.session });
    }),
    http.post<never, never, Problem>(apiPaths.logout, ({ request }) => {
      const refused = csrfRefusal(request);
      if (refused) {
        return refused;
      }
      state.logouts += 1;
      state.session = null;
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return { handlers, state };
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
export function mockLoginProblem(problem: Problem): HttpHandler[] {
  return [http.post<never, never, Problem>(apiPaths.login, () => problemResponse(problem))];
}

/** The network fails for every auth call, as when the device is offline. */
export function mockAuthOffline(): HttpHandler[] {
  return [
    http.get(apiPaths.session, () => HttpResponse.error()),
    http.post(apiPaths.login, () => HttpResponse.error()),
    http.post(apiPaths.logout, () => HttpResponse.error()),
  ];
}

/** Defaults for every test: healthy API, nobody signed in, nobody can sign in. */
export const handlers: HttpHandler[] = [...healthHandlers, ...mockSignedOut()];
