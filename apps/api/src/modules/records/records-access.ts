import type { FastifyRequest } from 'fastify';
import type { PatientScope } from '../../common/patient-scope.js';
import { requestContext } from '../../common/principal.js';
import type { AccessRule } from '../../common/roles.decorator.js';
import type { Accessor } from '../patients/patients.service.js';

/** Staff who read the clinical record; front-desk and billing read none of it. */
export const READ_ROLES: AccessRule[] = ['provider', 'nurse', 'admin'];
/** Staff who record and correct it. */
export const WRITE_ROLES: AccessRule[] = ['provider', 'nurse'];

export function accessor(scope: PatientScope, request: FastifyRequest): Accessor {
  return { principal: scope.principal, context: requestContext(request) };
}
