import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '../../common/principal.js';
import { UUID_PATTERN } from '../../common/validation.js';
import type { RefusedOperationAction } from './audit-actions.js';
import { AuditService } from './audit.service.js';

/** Why the door was shut. Stored in audit_event.reason; the staff app names each one. */
export type AccessRefusal =
  /** A patient named another patient's record (answered 404). */
  | 'not_own_patient'
  /** The caller's kind or roles are not among the route's (answered 403). */
  | 'role'
  /** The route's patient or resource does not exist, or is not visible to the caller (404). */
  | 'not_found'
  /** A module refused the caller (403) after the route's own checks passed. */
  | 'forbidden'
  /** Staff asked for clinical data of a patient outside their care relationship (403). */
  | 'care_relationship_required';

// @nestjs/swagger keeps @ApiOperation's options under this metadata key.
const API_OPERATION = 'swagger/apiOperation';

/**
 * Records refused and failed requests, at the one place each is decided: the session guard
 * (role, another patient's id), the patient-scope guard, and the patient-scope interceptor
 * (a 403 or 404 from a patient-scoped handler). The row says when, who, which patient (the
 * one named in the route, when it is a well-formed id), what (the operation and route
 * pattern), the outcome and why, and the IP; never the URL itself, a body or any answer.
 */
@Injectable()
export class AccessAudit {
  private readonly logger = new Logger('audit');

  constructor(private readonly audit: AuditService) {}

  async refused(
    context: ExecutionContext,
    outcome: 'denied' | 'failure',
    reason: AccessRefusal,
  ): Promise<void> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { patientId?: string } }>>();
    const patientId = request.params?.patientId;
    const action = operationName(context);
    try {
      await this.audit.record({
        action,
        outcome,
        reason,
        route: `${request.method} ${request.routeOptions?.url ?? '?'}`.slice(0, 300),
        actor: request.principal ?? null,
        patientId: patientId && UUID_PATTERN.test(patientId) ? patientId.toLowerCase() : null,
        context: requestContext(request),
      });
    } catch (error) {
      // The refusal itself still stands; only its record is missing, and that is logged.
      this.logger.error({ err: error }, `could not record a refused ${action}`);
    }
  }
}

/** `api.<operationId>` (api.getPatient), or the controller and handler when a route has none. */
function operationName(context: ExecutionContext): RefusedOperationAction {
  const operation = Reflect.getMetadata(API_OPERATION, context.getHandler()) as
    { operationId?: string } | undefined;
  const name = operation?.operationId ?? `${context.getClass().name}.${context.getHandler().name}`;
  return `api.${name.slice(0, 96)}`;
}
