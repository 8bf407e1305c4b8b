import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'portal:roles';
export type AccessRule = 'patient' | 'admin' | 'provider' | 'nurse' | 'front-desk' | 'billing';

/**
 * Who may call a route: "patient" means a signed-in patient, the others are staff roles.
 * A route without @Allow is open to any signed-in account.
 */
export const Allow = (...rules: AccessRule[]) => SetMetadata(REQUIRED_ROLES, rules);
