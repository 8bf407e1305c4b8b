/**
 * What can be done in the portal, named once. Every route names the one permission it needs
 * (@Permit); roles map onto permissions in ROLE_PERMISSIONS, and a patient holds
 * PATIENT_PERMISSIONS over their own record only. The staff app and the SPA mocks read
 * the same table from the OpenAPI document (x-portal-permissions), and OAuth scopes for
 * third-party apps will map onto these names.
 */
export const PERMISSIONS = {
  'account:self': 'Use one’s own account: session, password, second factor, devices',
  'catalog:read': 'Read the clinic’s locations, providers and visit types',
  'catalog:manage': 'Add and change locations, providers and visit types',
  'codes:read': 'Look up clinical code lists',
  'patients:search': 'Find patients by name, MRN or date of birth',
  'patients:register': 'Register a new patient',
  'patients:read': 'Read a patient’s demographics',
  'patients:update': 'Change a patient’s demographics',
  'invitations:send': 'Invite patients to the portal, resend and revoke invitations',
  'records:read':
    'Read the clinical record: conditions, allergies, immunizations, visits, care plans',
  'records:write': 'Record and correct the clinical record',
  'records:export': 'Download the record as PDF or FHIR',
  'records:history': 'Read the earlier versions of a record entry or result, and who changed it',
  'results:read': 'Read test results, trends and vital signs',
  'results:write': 'Enter, correct and import test results and vital signs',
  'results:review': 'Work the queue of results held for review',
  'results:release': 'Release a held result to the patient',
  'results-policy:read': 'Read how each kind of result is released',
  'results-policy:manage': 'Change how each kind of result is released',
  'appointments:read': 'Read a patient’s appointments',
  'appointments:book': 'Book, reschedule and cancel appointments',
  'appointments:track': 'Mark arrivals, no-shows and completed visits',
  'slots:search': 'Search open appointment times',
  'schedule:read': 'Read calendars, providers’ hours and conflicts',
  'schedule:manage': 'Change providers’ hours and time off',
  'staff:manage': 'Add staff, change their roles, reset and disable accounts',
  'audit:read': 'Read the audit trail',
  'access-log:read': 'Read who has looked at a patient’s record',
  'emergency-access:use':
    'Open the clinical record of a patient outside one’s care relationship, with a reason (break the glass)',
  'emergency-access:review': 'Review the emergency accesses staff have used',
  'messages:send':
    'Message one’s care team: read one’s own conversations, write, attach files, close (patients)',
  'messages:read': 'Read the care-team inbox and the conversations of the pools one’s role reads',
  'messages:reply':
    'Reply to patients, write internal notes, assign, move, close and reopen conversations, start one with a patient',
  'messages:manage-pools':
    'Set up care-team pools, the routing of message categories and reply templates',
  'refills:request':
    'Request refills of one’s own medications, choose a preferred pharmacy, follow and cancel one’s requests (patients)',
  'refills:read': 'Read the refill queue, refill requests and the refill turnaround report',
  'refills:decide':
    'Review refill requests: approve (sending the prescription), deny or ask for an appointment',
  'billing:read': 'Read patients’ billing ledgers and the aging and deposit reports',
  'billing:post':
    'Post charges, insurance payments and adjustments, write-offs, reversals and remittance files',
  'billing:statements': 'Preview and issue statement runs',
  'bills:read':
    'Read a patient’s bills: what is due, itemized charges, payments and statements (patients: their own)',
} as const satisfies Record<string, string>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const STAFF_ROLES = ['admin', 'provider', 'nurse', 'front-desk', 'billing'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Held by everyone signed in, patient or staff. */
const EVERYONE: Permission[] = ['account:self', 'catalog:read'];
const CLINICAL_READ: Permission[] = [
  'patients:search',
  'patients:read',
  'records:read',
  'records:export',
  'records:history',
  'results:read',
  'codes:read',
];

/** The one table from staff role to permissions; a staff member holds the union of theirs. */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: [
    ...EVERYONE,
    ...CLINICAL_READ,
    'patients:register',
    'patients:update',
    'invitations:send',
    'results-policy:read',
    'results-policy:manage',
    'appointments:read',
    'appointments:book',
    'appointments:track',
    'slots:search',
    'schedule:read',
    'schedule:manage',
    'catalog:manage',
    'staff:manage',
    'audit:read',
    'access-log:read',
    'emergency-access:review',
    'messages:read',
    'messages:reply',
    'messages:manage-pools',
    'billing:read',
    'billing:post',
    'billing:statements',
    'bills:read',
  ],
  provider: [
    ...EVERYONE,
    ...CLINICAL_READ,
    'records:write',
    'results:write',
    'results:review',
    'results:release',
    'results-policy:read',
    'appointments:read',
    'appointments:track',
    'slots:search',
    'schedule:read',
    'emergency-access:use',
    'messages:read',
    'messages:reply',
    'refills:read',
    'refills:decide',
  ],
  nurse: [
    ...EVERYONE,
    ...CLINICAL_READ,
    'records:write',
    'results:write',
    'results-policy:read',
    'appointments:read',
    'appointments:track',
    'slots:search',
    'schedule:read',
    'emergency-access:use',
    'messages:read',
    'messages:reply',
    'refills:read',
    'refills:decide',
  ],
  'front-desk': [
    ...EVERYONE,
    'patients:search',
    'patients:read',
    'patients:register',
    'patients:update',
    'invitations:send',
    'codes:read',
    'appointments:read',
    'appointments:book',
    'appointments:track',
    'slots:search',
    'schedule:read',
    'schedule:manage',
    'messages:read',
    'messages:reply',
  ],
  billing: [
    ...EVERYONE,
    'patients:search',
    'patients:read',
    'codes:read',
    'messages:read',
    'messages:reply',
    'billing:read',
    'billing:post',
    'billing:statements',
    'bills:read',
  ],
};

/**
 * What a patient may do. On a patient-scoped route it reaches only their own record; the
 * others (account:self, catalog:read, slots:search) name no patient.
 */
export const PATIENT_PERMISSIONS: readonly Permission[] = [
  ...EVERYONE,
  'patients:read',
  'records:read',
  'records:export',
  'results:read',
  'appointments:read',
  'appointments:book',
  'slots:search',
  'access-log:read',
  'messages:send',
  'refills:request',
  'bills:read',
];

/** Everything a caller holds, from their kind and roles (unknown role names hold nothing). */
export function permissionsOf(
  kind: 'patient' | 'staff',
  roles: readonly string[],
): ReadonlySet<Permission> {
  if (kind === 'patient') return new Set(PATIENT_PERMISSIONS);
  const held = new Set<Permission>();
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role as StaffRole] ?? []) held.add(permission);
  }
  return held;
}

/**
 * The permissions that open clinical data on a patient-scoped route. Staff holding one reach a
 * patient only through a care relationship (their locations, an unaffiliated patient, or an
 * emergency access): PatientScopeGuard asks CareAccessService. Demographics, appointments,
 * invitations and the access log are not clinical and follow the role alone.
 */
export const CLINICAL_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'records:read',
  'records:write',
  'records:export',
  'records:history',
  'results:read',
  'results:write',
  'results:release',
]);

/** The staff roles that hold a permission (for the OpenAPI description of a route). */
export function rolesHolding(permission: Permission): StaffRole[] {
  return STAFF_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}
