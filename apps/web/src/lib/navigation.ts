import { intendedPath as readIntendedPath } from '@portal/auth-ui';

export const SIGN_IN_PATH = '/sign-in';
export const FORGOT_PASSWORD_PATH = '/forgot-password';
export const FORGOT_USERNAME_PATH = '/forgot-username';
/** Emailed links land here with `#token=`; the token is taken out of the address at once. */
export const RESET_PASSWORD_PATH = '/reset-password';
export const UNLOCK_PATH = '/unlock';
export const ACCOUNT_PATH = '/account';
export const ACCOUNT_SESSIONS_PATH = '/account/sessions';
export const ACCOUNT_ACCESS_LOG_PATH = '/account/access-log';
/** Where the invitation email links to; its `#token=` is taken out of the address at once. */
export const REGISTER_PATH = '/register';
export const APPOINTMENTS_PATH = '/appointments';
/** Finding a time; the steps keep their choices in the query string (never the reason). */
export const BOOK_APPOINTMENT_PATH = '/appointments/new';

/** One appointment; reminder and confirmation emails link here. */
export function appointmentPath(appointmentId: string): string {
  return `${APPOINTMENTS_PATH}/${encodeURIComponent(appointmentId)}`;
}

export function rescheduleAppointmentPath(appointmentId: string): string {
  return `${appointmentPath(appointmentId)}/reschedule`;
}

export function cancelAppointmentPath(appointmentId: string): string {
  return `${appointmentPath(appointmentId)}/cancel`;
}

/** Test results, newest first; the filters (category, dates) sit in the query string. */
export const RESULTS_PATH = '/results';

/** One report; result emails link to the list, never to a report. */
export function resultPath(reportId: string): string {
  return `${RESULTS_PATH}/${encodeURIComponent(reportId)}`;
}

/** One test (a LOINC code) over time. */
export function resultTrendPath(code: string): string {
  return `${RESULTS_PATH}/trends/${encodeURIComponent(code)}`;
}

/** The patient's conversations with the care team, newest activity first. */
export const MESSAGES_PATH = '/messages';
/** Writing to the care team; nothing of the draft goes into the address. */
export const NEW_MESSAGE_PATH = '/messages/new';

/** One conversation; the unread-message email links here. */
export function conversationPath(conversationId: string): string {
  return `${MESSAGES_PATH}/${encodeURIComponent(conversationId)}`;
}

export const HEALTH_RECORD_PATH = '/health-record';
export const CONDITIONS_PATH = '/health-record/conditions';
export const ALLERGIES_PATH = '/health-record/allergies';
export const IMMUNIZATIONS_PATH = '/health-record/immunizations';
export const VISIT_SUMMARIES_PATH = '/health-record/visits';
export const CARE_PLANS_PATH = '/health-record/care-plans';
/** The medications part of the health record; refill emails link here (refill-emails.ts). */
export const MEDICATIONS_PATH = '/health-record/medications';

/** Current and past medications with their refill requests. */
export const MY_MEDICATIONS_PATH = '/medications';
/** Asking for refills; the medications chosen sit in the query string (?medication=<id>). */
export const REQUEST_REFILL_PATH = '/medications/refill';

/** The medication ids a refill request page starts with: ids only, never a name. */
export function requestRefillPath(medicationIds: readonly string[] = []): string {
  const search = new URLSearchParams(medicationIds.map((id) => ['medication', id]));
  return medicationIds.length > 0
    ? `${REQUEST_REFILL_PATH}?${search.toString()}`
    : REQUEST_REFILL_PATH;
}

/** One refill request, with its timeline. */
export function refillRequestPath(refillRequestId: string): string {
  return `${MY_MEDICATIONS_PATH}/refills/${encodeURIComponent(refillRequestId)}`;
}

export function visitSummaryPath(visitSummaryId: string): string {
  return `${VISIT_SUMMARIES_PATH}/${encodeURIComponent(visitSummaryId)}`;
}

export type { SignInNotice, SignInState } from '@portal/auth-ui';
export { idleMinutes, signInNotice, signInUsername } from '@portal/auth-ui';

/** The in-app path to return to after sign-in; anything odd is ignored. */
export function intendedPath(state: unknown): string | undefined {
  return readIntendedPath(state, SIGN_IN_PATH);
}
