import type { FastifyRequest } from 'fastify';
import type { PatientScope } from '../../common/patient-scope.js';
import { requestContext } from '../../common/principal.js';
import type { Accessor } from '../patients/patients.service.js';

export function accessor(scope: PatientScope, request: FastifyRequest): Accessor {
  return { principal: scope.principal, context: requestContext(request) };
}
