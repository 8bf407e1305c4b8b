import { applyDecorators, SetMetadata, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExtension, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import { PatientAccessFailureInterceptor, PatientScopeGuard } from './patient-scope.js';
import type { Permission } from './permissions.js';
import { Problem } from './problem.js';

export const PERMIT = 'portal:permit';
/** The OpenAPI extension naming a route's permission (read by common/openapi.ts). */
export const PERMISSION_EXTENSION = 'x-portal-permission';

const UNKNOWN_PATIENT = 'No such patient, or not yours';

/** What a route needs: one permission, and whether it is about the patient in its path. */
export interface PermitRule {
  permission: Permission;
  /**
   * The route sits under /patients/:patientId: a patient reaches only their own id (any other
   * answers 404), staff reach it when they hold the permission.
   */
  patientScoped: boolean;
}

/**
 * The one access rule of a route: the permission it needs (common/permissions.ts says who
 * holds it) and, with `{ patientScoped: true }`, that it is about the patient in its path.
 * The session guard checks it on every request; a route without @Permit or @Public is
 * refused to everyone. Written into the OpenAPI operation as x-portal-permission. `notFound`
 * is what else a patient-scoped route's 404 means (an unknown appointment), said before the
 * unknown patient in one description.
 */
export function Permit(
  permission: Permission,
  options: { patientScoped?: boolean; notFound?: string } = {},
) {
  const rule: PermitRule = { permission, patientScoped: options.patientScoped === true };
  const decorators = [SetMetadata(PERMIT, rule), ApiExtension(PERMISSION_EXTENSION, rule)];
  if (rule.patientScoped) {
    decorators.push(
      UseGuards(PatientScopeGuard),
      UseInterceptors(PatientAccessFailureInterceptor),
      ApiParam({ name: 'patientId', type: String, format: 'uuid' }),
      ApiNotFoundResponse({
        type: Problem,
        description: options.notFound
          ? `${options.notFound}; or ${UNKNOWN_PATIENT.toLowerCase()}`
          : UNKNOWN_PATIENT,
      }),
    );
  }
  return applyDecorators(...decorators);
}
