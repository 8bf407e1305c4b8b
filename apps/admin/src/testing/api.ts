import {
  OPERATION_PERMISSIONS,
  permissionsOf,
  type operations,
  type Permission,
  type Problem,
} from '@portal/api-client';
import {
  mockSignedIn,
  problemFactory,
  problemResponse,
  staffSessionFactory,
} from '@portal/api-mocks';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { server } from './server';

/*
 * Component tests state the answers they need, one operation at a time, typed by the
 * OpenAPI document: the SPA's tests check what the app does with an answer, while paging,
 * visibility and role rules are the API's own, tested against it in integration tests.
 */

/** The operations that need a permission: every one the staff app calls past sign-in. */
export type StaffOperation = keyof typeof OPERATION_PERMISSIONS & keyof operations;

type Responses<Op extends StaffOperation> = operations[Op]['responses'];
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus<Op extends StaffOperation> = Extract<keyof Responses<Op>, 200 | 201 | 204>;
/** The JSON body an operation answers with on success. */
export type Answer<Op extends StaffOperation> = JsonOf<Responses<Op>[SuccessStatus<Op>]>;
/** The JSON body an operation takes. */
export type RequestBody<Op extends StaffOperation> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : undefined;

/** One request the app sent, as a test inspects it. */
export interface Call<Op extends StaffOperation> {
  /** Path parameters, by the names in the OpenAPI path (patientId, accountId, …). */
  params: Record<string, string>;
  /** Query parameters. */
  query: URLSearchParams;
  body: RequestBody<Op>;
  headers: Headers;
}

/** What a stated answer may be: the body, a problem to refuse with, or a whole response. */
type Reply<Op extends StaffOperation> = Answer<Op> | Problem | Response;

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    'code' in value &&
    'title' in value &&
    typeof (value as Problem).status === 'number'
  );
}

/** `/api/v1/patients/{patientId}` → `/api/v1/patients/:patientId` (MSW's spelling). */
function mswPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

let signedInPermissions: readonly Permission[] | undefined;

/**
 * A problem the API answers with when the signed-in role lacks the operation's permission
 * (read from the generated OPERATION_PERMISSIONS, never retyped).
 */
export function forbiddenProblem(): Problem {
  return problemFactory({
    status: 403,
    code: 'forbidden',
    title: 'You do not have permission to do this',
    detail: 'Your role does not allow this action.',
  });
}

/**
 * Answers one operation. `reply` is the answer itself or a function of the request (for an
 * answer that depends on what was sent, or that changes after the app changed something).
 * A role signed in with `signInStaff` that lacks the operation's permission gets a 403, as
 * the API would answer. Returns the requests received, oldest first.
 */
export function answer<Op extends StaffOperation>(
  operation: Op,
  reply: Reply<Op> | ((call: Call<Op>) => Reply<Op> | Promise<Reply<Op>>),
  options: { status?: number } = {},
): Call<Op>[] {
  const rule = OPERATION_PERMISSIONS[operation];
  if (!rule) throw new Error(`${operation} has no entry in OPERATION_PERMISSIONS`);
  const calls: Call<Op>[] = [];
  const method = rule.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  server.use(
    http[method](mswPath(rule.path), async ({ request, params }) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const call: Call<Op> = {
        params: Object.fromEntries(
          Object.entries(params).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
        query: url.searchParams,
        body: (text ? JSON.parse(text) : undefined) as RequestBody<Op>,
        headers: request.headers,
      };
      calls.push(call);
      if (signedInPermissions && !signedInPermissions.includes(rule.permission)) {
        return problemResponse(forbiddenProblem());
      }
      const result =
        typeof reply === 'function'
          ? await (reply as (call: Call<Op>) => Reply<Op> | Promise<Reply<Op>>)(call)
          : reply;
      if (result instanceof Response) return result;
      if (isProblem(result)) return problemResponse(result);
      if (result === undefined || result === null) return new HttpResponse(null, { status: 204 });
      return HttpResponse.json(result as JsonBodyType, {
        status: options.status ?? (method === 'post' ? defaultPostStatus(operation) : 200),
      });
    }),
  );
  return calls;
}

function defaultPostStatus(operation: StaffOperation): number {
  // Creating operations answer 201 in the OpenAPI document; actions on a thing answer 200.
  return /^(create|book|add|import)/.test(operation) ? 201 : 200;
}

/** A cursor page of these items; `nextCursor` when more follow. */
export function page<T>(items: T[], nextCursor: string | null = null) {
  return { items, nextCursor };
}

export interface SignInStaffOptions {
  displayName?: string;
  /** The account id of the signed-in person (defaults to a fresh one). */
  accountId?: string;
}

/**
 * Signs a staff member with these roles in. Operations the roles' permissions do not cover
 * (by the generated table) are refused with 403 by every `answer`.
 */
export function signInStaff(roles: string[], options: SignInStaffOptions = {}) {
  const { displayName = 'Sam Okafor', accountId = crypto.randomUUID() } = options;
  signedInPermissions = permissionsOf('staff', roles);
  server.use(...mockSignedIn(staffSessionFactory({ user: { id: accountId, displayName, roles } })));
  return { accountId, displayName, roles };
}

const sent: { method: string; path: string }[] = [];
server.events.on('request:start', ({ request }) => {
  const { pathname } = new URL(request.url);
  // The header's read of the clinic's identity is every page's, not a section's.
  if (
    pathname.startsWith('/api/') &&
    !pathname.startsWith('/api/v1/auth/') &&
    pathname !== '/api/v1/clinic'
  ) {
    sent.push({ method: request.method, path: pathname });
  }
});

/** Every API request of this test past sign-in (the session, auth and clinic routes left out). */
export function apiRequests(): readonly { method: string; path: string }[] {
  return sent;
}

/**
 * The signed-in person's roles changed elsewhere since the session was read: from now on the
 * API answers by these roles' permissions, while the app still holds the old session.
 */
export function rolesChangeTo(roles: string[]): void {
  signedInPermissions = permissionsOf('staff', roles);
}

/** Forgets the signed-in roles and the requests seen between tests. */
export function resetStaffAnswers(): void {
  signedInPermissions = undefined;
  sent.length = 0;
}
