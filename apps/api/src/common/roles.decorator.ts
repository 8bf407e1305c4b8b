import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const REQUIRED_ROLES = 'portal:roles';
/** The OpenAPI extension that lists a route's @Allow rules (read by common/openapi.ts). */
export const ROLES_EXTENSION = 'x-portal-roles';
export type AccessRule = 'patient' | 'admin' | 'provider' | 'nurse' | 'front-desk' | 'billing';

/**
 * Who may call a route: "patient" means a signed-in patient, the others are staff roles.
 * A route without @Allow is open to any signed-in account. The rules are written into the
 * OpenAPI operation as x-portal-roles.
 */
export const Allow = (...rules: AccessRule[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, rules), ApiExtension(ROLES_EXTENSION, rules));
