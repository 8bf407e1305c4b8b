import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import { DomainError } from '../../common/problem.js';
import { IS_PUBLIC } from '../../common/public.decorator.js';
import { AccessAudit } from '../audit/access-audit.service.js';
import { permissionsOf } from '../../common/permissions.js';
import { PERMIT, type PermitRule } from '../../common/permit.decorator.js';
import { requestContext } from '../../common/principal.js';
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
 * the caller must hold the permission the route's @Permit names (403 otherwise; a route with
 * neither is refused to everyone). It resolves the caller (request.caller). Each refusal of a signed-in
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
    const { principal } = resolved;
    const permissions = permissionsOf(principal.kind, principal.roles);
    request.caller = { principal, permissions, context: requestContext(request) };
    const rule = this.reflector.getAllAndOverride<PermitRule | undefined>(PERMIT, targets);
    if (!rule || !permissions.has(rule.permission)) {
      await this.accessAudit.refused(context, 'denied', 'role');
      throw new DomainError(
        403,
        'forbidden',
        'You do not have permission to do this',
        rule?.patientScoped
          ? 'Your role does not allow access to this part of the record.'
          : 'Your role does not allow this action.',
      );
    }
    return true;
  }
}
