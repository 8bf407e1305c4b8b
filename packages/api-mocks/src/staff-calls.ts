import type { Problem } from '@portal/api-client';
import { problems } from './factories';
import { problemResponse } from './handlers';

/** A call a staff-app mock backend received, for tests to inspect. */
export interface StaffCall<Operation extends string> {
  operation: Operation;
  /** The request URL; query parameters are in `url.searchParams`. */
  url: URL;
  /** Path parameters (patientId, invitationId, accountId, …). */
  params: Record<string, string>;
  /** The JSON body of a POST or PATCH, when it had one. */
  body?: unknown;
}

export interface StaffCallGateOptions<Operation extends string> {
  /** Where each call is recorded. */
  calls: StaffCall<Operation>[];
  /** The roles the API lets call each operation. */
  allowedRoles: Record<Operation, readonly string[]>;
  /** The signed-in staff member's roles; every operation is allowed when left out. */
  roles?: readonly string[];
  /** The backend's own 403 problem. */
  forbidden: () => Problem;
}

/**
 * The door of a staff-app mock backend: records the call, then refuses it as the API would (a
 * state change without the CSRF header, or a role the operation does not allow); otherwise
 * hands back the JSON body, when there is one.
 */
export function staffCallGate<Operation extends string>(options: StaffCallGateOptions<Operation>) {
  return async (
    operation: Operation,
    request: Request,
    params: Record<string, string | readonly string[] | undefined>,
  ): Promise<{ refused?: Response; body?: unknown }> => {
    let body: unknown;
    if (request.method !== 'GET' && request.headers.get('Content-Type')?.includes('json')) {
      body = await request.json();
    }
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === 'string') flat[key] = value;
    }
    options.calls.push({ operation, url: new URL(request.url), params: flat, body });
    if (request.method !== 'GET' && !request.headers.get('X-CSRF-Token')) {
      return { refused: problemResponse(problems.csrf()) };
    }
    const { roles } = options;
    if (roles && !roles.some((role) => options.allowedRoles[operation].includes(role))) {
      return { refused: problemResponse(options.forbidden()) };
    }
    return { body };
  };
}
