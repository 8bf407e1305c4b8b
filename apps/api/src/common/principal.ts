import type { FastifyRequest } from 'fastify';
import type { Permission } from './permissions.js';

/** Who is calling: set by the session guard on every authenticated request. */
export interface Principal {
  accountId: string;
  kind: 'patient' | 'staff';
  roles: string[];
  /** The caller's own patient record, for patients. */
  patientId: string | null;
  sessionIdHash: Buffer;
}

export interface RequestContext {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

/**
 * The resolved caller of a signed-in request: who, what they may do, and the request's
 * context for the audit trail. Services take it wherever they audit (as an Accessor).
 */
export interface Caller {
  principal: Principal;
  permissions: ReadonlySet<Permission>;
  context: RequestContext;
}

/** What a service needs of the caller to check and audit: a Caller, or a job's stand-in. */
export interface Accessor {
  principal: Principal;
  context: RequestContext;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    caller?: Caller;
  }
}

export function requestContext(request: FastifyRequest): RequestContext {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    requestId: String(request.id),
  };
}
