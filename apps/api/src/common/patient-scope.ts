import { UUID_PATTERN } from './validation.js';
import {
  applyDecorators,
  createParamDecorator,
  HttpException,
  Injectable,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { AccessAudit } from '../modules/audit/access-audit.service.js';
import { isRecordedRefusal } from '../modules/audit/audit.service.js';
import type { Principal } from './principal.js';
import { DomainError, Problem } from './problem.js';
import type { AccessRule } from './roles.decorator.js';

const PATIENT_SCOPE = 'portal:patient-scope';
/**
 * The OpenAPI extension of a @PatientScoped route: the staff roles that reach any patient's
 * record (a patient always reaches their own). Read by common/openapi.ts.
 */
export const PATIENT_SCOPE_EXTENSION = 'x-portal-patient-scope';

export class PatientNotFoundError extends DomainError {
  constructor() {
    super(404, 'patient_not_found', 'Not found', 'No patient record was found for this link.');
  }
}

/** The patient a request is about, once the caller's right to it is proven. */
export interface PatientScope {
  patientId: string;
  principal: Principal;
}

/**
 * The one access check for patient data. Every route under /patients/:patientId is marked
 * @PatientScoped(staffRoles): a patient passes only for their own id, and any other id
 * answers 404 (never 403, so a patient cannot learn that another id exists); staff pass
 * when one of their roles is listed. Every refusal is audited (AccessAudit), with the patient
 * the route names.
 */
@Injectable()
export class PatientScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessAudit: AccessAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const staffRoles = this.reflector.getAllAndOverride<AccessRule[]>(PATIENT_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { patientId?: string } }>>();
    const principal = request.principal;
    const patientId = request.params.patientId;
    // The session guard runs first: there is always a principal, and it has already turned
    // away a patient naming another patient's id. These checks stand on their own anyway.
    if (!principal || !patientId) throw new PatientNotFoundError();
    if (!UUID_PATTERN.test(patientId)) {
      await this.accessAudit.refused(context, 'failure', 'not_found');
      throw new PatientNotFoundError();
    }
    if (principal.kind === 'patient') {
      if (principal.patientId !== patientId) {
        await this.accessAudit.refused(context, 'denied', 'not_own_patient');
        throw new PatientNotFoundError();
      }
      return true;
    }
    if (!staffRoles.some((role) => principal.roles.includes(role))) {
      await this.accessAudit.refused(context, 'denied', 'role');
      throw new DomainError(
        403,
        'forbidden',
        'You do not have permission to do this',
        'Your role does not allow access to this part of the record.',
      );
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

export function PatientScoped(...staffRoles: AccessRule[]) {
  return applyDecorators(
    SetMetadata(PATIENT_SCOPE, staffRoles),
    UseGuards(PatientScopeGuard),
    UseInterceptors(PatientAccessFailureInterceptor),
    ApiExtension(PATIENT_SCOPE_EXTENSION, { staffRoles }),
    ApiParam({ name: 'patientId', type: String, format: 'uuid' }),
    ApiNotFoundResponse({ type: Problem, description: 'No such patient, or not yours' }),
  );
}

/** Injects the checked PatientScope into a handler of a @PatientScoped route. */
export const CurrentPatient = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PatientScope => {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { patientId: string } }>>();
    return { patientId: request.params.patientId, principal: request.principal! };
  },
);

/** Injects the signed-in caller. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<FastifyRequest>().principal!,
);
