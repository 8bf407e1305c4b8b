import type { FastifyRequest } from 'fastify';

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

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
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
