// Writes src/permissions.ts from the OpenAPI document: the permission table the API enforces
// (x-portal-permissions) and the permission each operation needs (x-portal-permission), so
// the staff app and the SPA mocks never retype who may do what.
import { readFileSync, writeFileSync } from 'node:fs';

const documentUrl = new URL('../openapi.json', import.meta.url);
const document = JSON.parse(readFileSync(documentUrl, 'utf8'));
const table = document['x-portal-permissions'];
if (!table) throw new Error('openapi.json has no x-portal-permissions table');

const operations = {};
for (const [path, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    const rule = operation['x-portal-permission'];
    if (!operation.operationId || !rule) continue;
    operations[operation.operationId] = { method: method.toUpperCase(), path, ...rule };
  }
}
const json = (value) => JSON.stringify(value, null, 2);
const source = `// Generated from openapi.json by scripts/write-permissions.mjs: do not edit.
import type { components, operations } from './schema';

export type Permission = components['schemas']['Permission'];
export type StaffRole = keyof typeof ROLE_PERMISSIONS;

/** Every permission, with what it allows. */
export const PERMISSIONS: Record<Permission, string> = ${json(table.permissions)};

/** The staff roles and the permissions each holds. */
export const ROLE_PERMISSIONS = ${json(table.roles)} as const satisfies Record<string, readonly Permission[]>;

/** What a patient holds (over their own record only, on patient-scoped operations). */
export const PATIENT_PERMISSIONS: readonly Permission[] = ${json(table.patient)};

export interface OperationPermission {
  method: string;
  path: string;
  permission: Permission;
  patientScoped: boolean;
}

/** The permission each operation needs (operations without one are public). */
export const OPERATION_PERMISSIONS: Partial<Record<keyof operations, OperationPermission>> = ${json(operations)};

/** Everything a caller holds, as the API computes it. */
export function permissionsOf(kind: 'patient' | 'staff', roles: readonly string[]): Permission[] {
  if (kind === 'patient') return [...PATIENT_PERMISSIONS];
  const held = new Set<Permission>();
  for (const role of roles) {
    for (const permission of (ROLE_PERMISSIONS as Record<string, readonly Permission[]>)[role] ?? []) {
      held.add(permission);
    }
  }
  return [...held];
}
`;
writeFileSync(new URL('../src/permissions.ts', import.meta.url), source);
