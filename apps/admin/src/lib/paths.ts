/**
 * In-app paths of the staff sections (relative to the /admin basename), shared by the menu,
 * the routes and the features that link to each other's pages.
 */
export const PATIENTS_PATH = '/patients';
export const NEW_PATIENT_PATH = '/patients/new';
export const INVITATIONS_PATH = '/invitations';
export const STAFF_PATH = '/staff';
export const NEW_STAFF_PATH = '/staff/new';
export const AUDIT_LOG_PATH = '/audit-log';
export const EMERGENCY_ACCESS_REVIEW_PATH = '/audit-log/emergency-access';
export const SCHEDULE_PATH = '/schedule';
export const BOOK_APPOINTMENT_PATH = '/schedule/book';
export const CLINIC_SETTINGS_PATH = '/settings/clinic';
export const RESULTS_REVIEW_PATH = '/results-review';
export const RESULTS_IMPORT_PATH = '/results-review/import';
export const RESULTS_POLICY_PATH = '/settings/results';
export const INBOX_PATH = '/inbox';

export function conversationPath(conversationId: string): string {
  return `${INBOX_PATH}/${encodeURIComponent(conversationId)}`;
}

export const REFILLS_PATH = '/refills';
export const REFILLS_TURNAROUND_PATH = '/refills/turnaround';

export function refillRequestPath(requestId: string): string {
  return `${REFILLS_PATH}/requests/${encodeURIComponent(requestId)}`;
}

export function patientPath(patientId: string): string {
  return `${PATIENTS_PATH}/${encodeURIComponent(patientId)}`;
}

export function editPatientPath(patientId: string): string {
  return `${patientPath(patientId)}/edit`;
}

export function patientInvitationsPath(patientId: string): string {
  return `${patientPath(patientId)}/invitations`;
}

export function patientAccessLogPath(patientId: string): string {
  return `${patientPath(patientId)}/access-log`;
}

export function patientAppointmentsPath(patientId: string): string {
  return `${patientPath(patientId)}/appointments`;
}

export function patientHealthRecordPath(patientId: string): string {
  return `${patientPath(patientId)}/record`;
}

/** A patient's results tab, optionally with one report open. */
export function patientResultsPath(patientId: string, reportId?: string): string {
  const base = `${patientPath(patientId)}/results`;
  return reportId ? `${base}?report=${encodeURIComponent(reportId)}` : base;
}

/** A patient's tab for starting a conversation with them. */
export function patientSendMessagePath(patientId: string): string {
  return `${patientPath(patientId)}/send-message`;
}

export function providerAvailabilityPath(providerId: string): string {
  return `${SCHEDULE_PATH}/providers/${encodeURIComponent(providerId)}/availability`;
}

export function editStaffPath(accountId: string): string {
  return `${STAFF_PATH}/${encodeURIComponent(accountId)}/edit`;
}
