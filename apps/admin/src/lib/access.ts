import type { Permission, SessionUser } from '@portal/api-client';
import { useCurrentSession } from './session';

/**
 * The permission each part of the staff app needs: the API's own names (generated from the
 * OpenAPI document), held as the session reports them, so the menu and the "You don't have
 * access" pages follow the API's one role table and never retype it.
 */
export const SECTION_PERMISSION = {
  patients: 'patients:search',
  /** Registering patients and changing their demographics. */
  patientEdit: 'patients:update',
  invitations: 'invitations:send',
  staff: 'staff:manage',
  audit: 'audit:read',
  /** A patient's "who looked at this record" tab. */
  accessLog: 'access-log:read',
  /** Day and week calendars, providers' hours (read), marking arrivals and visits. */
  schedule: 'schedule:read',
  /** Marking arrivals, no-shows and completed visits. */
  scheduleTrack: 'appointments:track',
  /** Booking, moving and cancelling appointments; changing providers' hours and time off. */
  scheduleEdit: 'schedule:manage',
  /** Locations, providers and visit types. */
  clinicSettings: 'catalog:manage',
  /** Clinic settings' care-team pools, message routing and reply templates. */
  messagingSettings: 'messages:manage-pools',
  /** A patient's appointments tab. */
  patientAppointments: 'appointments:read',
  /** A patient's medical record and results tabs (front desk and billing see nothing clinical). */
  patientHealthRecord: 'records:read',
  /** Entering and correcting conditions, allergies, immunizations, results and vital signs. */
  healthRecordEdit: 'records:write',
  /** The held-results queue and releasing a held result. */
  resultsReview: 'results:review',
  /** Uploading a file of results. */
  resultsImport: 'results:write',
  /** Reading how each kind of result is released. */
  resultsPolicy: 'results-policy:read',
  /** Changing how each kind of result is released. */
  resultsPolicyEdit: 'results-policy:manage',
  /** Opening a clinical tab of a patient outside one's care, with a reason (break the glass). */
  emergencyAccess: 'emergency-access:use',
  /** The list of emergency accesses, and marking them reviewed. */
  emergencyAccessReview: 'emergency-access:review',
  /** The care-team inbox and its conversations (read). */
  inbox: 'messages:read',
  /** Replying, internal notes, assigning, moving, closing; starting a conversation with a patient. */
  inboxReply: 'messages:reply',
  /** The refill queue, a request's timeline and the turnaround report. */
  refills: 'refills:read',
  /** Reviewing, approving and denying refill requests. */
  refillsDecide: 'refills:decide',
} as const satisfies Record<string, Permission>;

export type Section = keyof typeof SECTION_PERMISSION;

export function canUse(user: Pick<SessionUser, 'kind' | 'permissions'>, section: Section): boolean {
  return user.kind === 'staff' && user.permissions.includes(SECTION_PERMISSION[section]);
}

/** Whether the signed-in staff member may use a section; only below the session guard. */
export function useCanUse(section: Section): boolean {
  return canUse(useCurrentSession().user, section);
}
