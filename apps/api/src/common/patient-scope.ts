import { UUID_PATTERN } from './validation.js';
import {
  createParamDecorator,
  HttpException,
  Injectable,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { AccessAudit } from '../modules/audit/access-audit.service.js';
import { isRecordedRefusal } from '../modules/audit/audit.service.js';
import { CareAccessService } from '../modules/care/care-access.service.js';
import { CareRelationshipRequiredError } from '../modules/care/care.errors.js';
import { CLINICAL_PERMISSIONS } from './permissions.js';
import { PERMIT, type PermitRule } from './permit.decorator.js';
import { requestContext, type Caller, type Principal, type RequestContext } from './principal.js';
import { DomainError } from './problem.js';

export class PatientNotFoundError extends DomainError {
  constructor() {
    super(404, 'patient_not_found', 'Not found', 'No patient record was found for this link.');
  }
}

/** The patient a request is about, once the caller's right to it is proven. */
export interface PatientScope {
  patientId: string;
  principal: Principal;
  caller: Caller;
}

/**
 * The one access check for patient data, on every @Permit(…, { patientScoped: true }) route.
 * The session guard has already checked the permission and turned away a patient naming
 * another patient's id; this guard stands on its own anyway: a patient passes only for
 * their own id, any other id answers 404 (never 403, so a patient cannot learn that another
 * id exists). Staff on a clinical route (CLINICAL_PERMISSIONS) pass only within their care
 * relationship, asked of CareAccessService in one query: otherwise 403
 * care_relationship_required, which says that emergency access is possible. Every refusal is
 * audited (AccessAudit), with the patient the route names.
 */
@Injectable()
export class PatientScopeGuard implements CanActivate {
  constructor(
    private readonly accessAudit: AccessAudit,
    private readonly reflector: Reflector,
    private readonly care: CareAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { patientId?: string } }>>();
    const principal = request.principal;
    const patientId = request.params.patientId;
    if (!principal || !patientId) throw new PatientNotFoundError();
    if (!UUID_PATTERN.test(patientId)) {
      await this.accessAudit.refused(context, 'failure', 'not_found');
      throw new PatientNotFoundError();
    }
    if (principal.kind === 'patient' && principal.patientId !== patientId) {
      await this.accessAudit.refused(context, 'denied', 'not_own_patient');
      throw new PatientNotFoundError();
    }
    if (principal.kind === 'staff') {
      const rule = this.reflector.getAllAndOverride<PermitRule | undefined>(PERMIT, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (rule && CLINICAL_PERMISSIONS.has(rule.permission)) {
        const reach = await this.care.reach(principal, patientId.toLowerCase());
        if (reach === 'none') {
          await this.accessAudit.refused(context, 'denied', 'care_relationship_required');
          throw new CareRelationshipRequiredError();
        }
      }
    }
    return true;
  }
}

/**
 * The other half of the one mechanism: a patient-scoped handler that answers 404 (no such
 * patient, result, visit ... or not visible to this caller) or 403 is audited as a failed
 * access, unless the module already recorded that refusal (AuditService.recordRefusal).
 */
@Injectable()
export class PatientAccessFailureInterceptor implements NestInterceptor {
  constructor(private readonly accessAudit: AccessAudit) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const status =
          error instanceof DomainError
            ? error.status
            : error instanceof HttpException
              ? error.getStatus()
              : 0;
        if ((status !== 404 && status !== 403) || isRecordedRefusal(error)) {
          return throwError(() => error);
        }
        const reason = status === 404 ? 'not_found' : 'forbidden';
        return from(this.accessAudit.refused(context, 'failure', reason)).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}

/** Injects the checked PatientScope into a handler of a @PatientScoped route. */
export const CurrentPatient = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PatientScope => {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { patientId: string } }>>();
    return {
      patientId: request.params.patientId,
      principal: request.principal!,
      caller: request.caller!,
    };
  },
);

/**
 * Injects the resolved caller: who (principal), what they may do (permissions) and the
 * request's context for the audit trail. Feature controllers take this, never the request.
 */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<FastifyRequest>().caller!,
);

/**
 * Injects the request's context for the audit trail (IP, user agent, request id) on public
 * routes, where there is no caller yet (sign-in, registration, password reset).
 */
export const CurrentRequestContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext =>
    requestContext(context.switchToHttp().getRequest<FastifyRequest>()),
);
