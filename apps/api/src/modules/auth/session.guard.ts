import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import { DomainError } from '../../common/problem.js';
import { IS_PUBLIC } from '../../common/public.decorator.js';
import { AccessAudit } from '../audit/access-audit.service.js';
import { REQUIRED_ROLES, type AccessRule } from '../../common/roles.decorator.js';
import { SessionCookies } from './session-cookies.js';
import { SessionsService, type ResolvedSession } from './sessions.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    session?: ResolvedSession;
  }
}

export class NotSignedInError extends DomainError {
  constructor() {
    super(
      401,
      'unauthenticated',
      'You need to sign in',
      'Your session has ended. Sign in again to continue.',
    );
  }
}

/**
 * Global guard: every route needs a fully signed-in session unless marked @Public, and
 * the caller must match the route's @Allow rules (403 otherwise). Each refusal of a signed-in
 * caller is audited here (denied: role, denied: not_own_patient). A request with no session
 * is not: it names nobody, and recording every anonymous probe would let anyone fill the
 * trail and queue on its single chain; sign-in attempts are audited by the auth service.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly cookies: SessionCookies,
    private readonly accessAudit: AccessAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = this.cookies.read(request);
    const resolved = token ? await this.sessions.touch(token) : null;
    if (!resolved || resolved.stage !== 'active') throw new NotSignedInError();
    request.principal = resolved.principal;
    request.session = resolved;
    // A patient naming another patient's record learns nothing, whatever the route's roles:
    // always 404, before any role check could answer 403.
    const params = request.params as { patientId?: string } | undefined;
    if (
      resolved.principal.kind === 'patient' &&
      params?.patientId &&
      params.patientId !== resolved.principal.patientId
    ) {
      await this.accessAudit.refused(context, 'denied', 'not_own_patient');
      throw new PatientNotFoundError();
    }
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (rules && !allows(rules, resolved.principal.kind, resolved.principal.roles)) {
      await this.accessAudit.refused(context, 'denied', 'role');
      throw new DomainError(
        403,
        'forbidden',
        'You do not have permission to do this',
        'Your role does not allow this action.',
      );
    }
    return true;
  }
}

export function allows(rules: AccessRule[], kind: 'patient' | 'staff', roles: string[]): boolean {
  if (kind === 'patient') return rules.includes('patient');
  return rules.some((rule) => rule !== 'patient' && roles.includes(rule));
}
