import type { SessionUser } from '@portal/api-client';
import { useCurrentSession } from './session';

/**
 * Which staff roles may use each part of the staff app. The API enforces the same rules;
 * these decide what the menu shows and which pages say "You don't have access" up front.
 */
export const SECTION_ROLES = {
  patients: ['front-desk', 'nurse', 'provider', 'admin', 'billing'],
  /** Registering patients and changing their demographics. */
  patientEdit: ['front-desk', 'admin'],
  invitations: ['front-desk', 'admin'],
  staff: ['admin'],
  audit: ['admin'],
  /** A patient's "who looked at this record" tab. */
  accessLog: ['admin'],
  /** Day and week calendars, providers' hours (read), marking arrivals and visits. */
  schedule: ['front-desk', 'nurse', 'provider', 'admin'],
  /** Booking, moving and cancelling appointments; changing providers' hours and time off. */
  scheduleEdit: ['front-desk', 'admin'],
  /** Locations, providers and visit types. */
  clinicSettings: ['admin'],
  /** A patient's appointments tab. */
  patientAppointments: ['front-desk', 'nurse', 'provider', 'admin'],
  /** A patient's medical record and results tabs (front desk and billing see nothing clinical). */
  patientHealthRecord: ['provider', 'nurse', 'admin'],
  /** Entering and correcting conditions, allergies, immunizations, results and vital signs. */
  healthRecordEdit: ['provider', 'nurse'],
  /** The held-results queue and releasing a held result. */
  resultsReview: ['provider'],
  /** Uploading a file of results. */
  resultsImport: ['provider', 'nurse'],
  /** Reading how each kind of result is released. */
  resultsPolicy: ['provider', 'nurse', 'admin'],
  /** Changing how each kind of result is released. */
  resultsPolicyEdit: ['admin'],
} as const satisfies Record<string, readonly string[]>;

export type Section = keyof typeof SECTION_ROLES;

export function canUse(user: Pick<SessionUser, 'kind' | 'roles'>, section: Section): boolean {
  const allowed: readonly string[] = SECTION_ROLES[section];
  return user.kind === 'staff' && user.roles.some((role) => allowed.includes(role));
}

/** Whether the signed-in staff member may use a section; only below the session guard. */
export function useCanUse(section: Section): boolean {
  return canUse(useCurrentSession().user, section);
}
