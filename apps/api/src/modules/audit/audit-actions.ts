/**
 * Every action the audit trail records, declared once. The value is what the action means
 * in words a patient reads in "who has accessed my record", or null for an action that is
 * not about a patient's data (signing in, managing staff or the clinic's catalog). An
 * action missing here does not compile: AuditEntry.action is an AuditAction.
 *
 * Refusals at the door (the session and patient-scope guards) are named after the refused
 * operation instead, `api.<operationId>` (RefusedOperationAction): those names come from
 * the OpenAPI document, and a refusal never shows in the patient's access log.
 */
export const AUDIT_ACTIONS = {
  // Signing in and the account's own settings.
  'auth.login': null,
  'auth.password-verified': null,
  'auth.second-factor': null,
  'auth.logout': null,
  'auth.logout-everywhere': null,
  'auth.password-reset-requested': null,
  'auth.password-reset': null,
  'auth.username-reminder': null,
  'auth.unlock': null,
  'account.password-changed': null,
  'account.totp-enrolled': null,
  'account.second-factor-none': null,
  'account.second-factor-email': null,
  'account.recovery-codes-replaced': null,
  'account.session-ended': null,
  'registration.check-invitation': null,
  'registration.send-email-code': null,
  'registration.verify-identity': null,
  'registration.complete': null,

  // Clinic staff and the scheduling catalog.
  'staff.create': null,
  'staff.update': null,
  'staff.roles-change': null,
  'staff.disable': null,
  'staff.enable': null,
  'staff.reset-second-factor': null,
  'location.create': null,
  'location.update': null,
  'provider.create': null,
  'provider.update': null,
  'visit-type.create': null,
  'visit-type.update': null,
  'schedule.availability.update': null,
  'schedule.exception.add': null,
  'schedule.exception.delete': null,
  'result-release-policy.read': null,
  'result-release-policy.update': null,

  // A patient's record.
  'patient.create': 'Created your patient record',
  'patient.read': 'Viewed your demographics',
  'patient.update': 'Updated your demographics',
  'patient.search': 'Found you in a patient search',
  'invitation.create': 'Sent you a portal invitation',
  'invitation.send': 'Sent you a portal invitation',
  'invitation.resend': 'Sent you a new portal invitation',
  'invitation.revoke': 'Cancelled your portal invitation',
  'invitation.read': 'Viewed your portal invitations',
  'invitation.list': 'Saw your portal invitation in a list',
  'appointment.list': 'Looked at your list of appointments',
  'appointment.read': 'Looked at one of your appointments',
  'appointment.book': 'Booked an appointment for you',
  'appointment.reschedule': 'Moved one of your appointments to another time',
  'appointment.cancel': 'Cancelled one of your appointments',
  'appointment.status': 'Marked your arrival, or whether a visit took place',
  'appointment.calendar': 'Downloaded one of your appointments as a calendar file',
  'result.list': 'Looked at your list of test results',
  'result.read': 'Looked at one of your test results',
  'result.attachment': 'Downloaded the document of one of your test results',
  'result.create': 'Recorded a test result for you',
  'result.import': 'Imported a test result for you',
  'result.release': 'Released one of your test results to you',
  'result.review-queue': 'Saw one of your test results in the list waiting for review',
  'observation.trend': 'Looked at one of your test values over time',
  'observation.update': 'Corrected a value in one of your test results',
  'observation.history': 'Looked at the earlier versions of a corrected test value',
  'vital.list': 'Looked at your vital signs',
  'vital.create': 'Recorded your vital signs',
  'schedule.read': 'Saw your appointment in a clinic schedule',
  'schedule.conflict.read': 'Saw your appointment in a list of visits that may need a new time',
  'health-summary.read': 'Looked at the summary of your health record',
  'health-record.pdf': 'Downloaded your health record as a PDF',
  'health-record.fhir': 'Downloaded your health record as a FHIR file',
  'result.pdf': 'Downloaded one of your test results as a PDF',
  'visit-summary.pdf': 'Downloaded one of your visit summaries as a PDF',
  'condition.list': 'Looked at your list of conditions',
  'condition.read': 'Looked at one of your conditions',
  'condition.create': 'Recorded a condition for you',
  'condition.update': 'Corrected one of your conditions',
  'condition.history': 'Looked at the earlier versions of a corrected condition',
  'allergy.list': 'Looked at your list of allergies',
  'allergy.read': 'Looked at one of your allergies',
  'allergy.create': 'Recorded an allergy for you',
  'allergy.update': 'Corrected one of your allergies',
  'allergy.history': 'Looked at the earlier versions of a corrected allergy',
  'immunization.list': 'Looked at your list of immunizations',
  'immunization.read': 'Looked at one of your immunizations',
  'immunization.create': 'Recorded an immunization for you',
  'immunization.update': 'Corrected one of your immunizations',
  'immunization.history': 'Looked at the earlier versions of a corrected immunization',
  'visit-summary.list': 'Looked at your list of visit summaries',
  'visit-summary.read': 'Looked at one of your visit summaries',
  'visit-summary.create': 'Recorded a visit summary for you',
  'visit-summary.update': 'Corrected one of your visit summaries',
  'visit-summary.history': 'Looked at the earlier versions of a corrected visit summary',
  'care-plan.list': 'Looked at your list of care plans',
  'care-plan.read': 'Looked at one of your care plans',
  'care-plan.create': 'Recorded a care plan for you',
  'care-plan.update': 'Corrected one of your care plans',
  'care-plan.history': 'Looked at the earlier versions of a corrected care plan',
  'medication.list': 'Looked at your list of medications',
  'medication.read': 'Looked at one of your medications',
  'medication.create': 'Recorded a medication for you',
  'medication.update': 'Corrected one of your medications',
  'medication.history': 'Looked at the earlier versions of a corrected medication',
  'audit.read': 'Reviewed the activity log of your record',
  'audit.access-log.read': 'Looked at who has accessed your record',
  'emergency-access.grant': 'Used emergency access to your record',
  'staff.locations.update': null,
  'emergency-access.list': 'Saw an emergency access to your record in the list for review',
  'emergency-access.review': 'Reviewed an emergency access to your record',

  // Secure messaging (modules/messaging).
  'conversation.list': 'Looked at your list of messages',
  'conversation.inbox': 'Saw your conversation in the care team’s inbox',
  'conversation.read': 'Read a conversation with you',
  'conversation.start': 'Started a conversation with you',
  'conversation.close': 'Closed a conversation with you',
  'conversation.reopen': 'Reopened a conversation with you',
  'conversation.assign': 'Assigned a conversation with you to a member of the care team',
  'conversation.move': 'Passed a conversation with you to another care team',
  'message.send': 'Sent you a message',
  'message.note': 'Added a note for the care team to a conversation with you',
  'message.attachment.upload': 'Uploaded a file for a message',
  'message.attachment.download': 'Downloaded a file from a conversation with you',
  'care-pool.create': null,
  'care-pool.update': null,
  'message-routing.update': null,
  'reply-template.create': null,
  'reply-template.update': null,

  // Prescription refills (modules/refills).
  'pharmacy.search': null,
  'preferred-pharmacy.read': 'Looked at your preferred pharmacy',
  'preferred-pharmacy.update': 'Changed your preferred pharmacy',
  'refill.list': 'Looked at your prescription refill requests',
  'refill.read': 'Looked at one of your prescription refill requests',
  'refill.request': 'Asked for a prescription refill',
  'refill.cancel': 'Cancelled a prescription refill request',
  'refill.queue': 'Saw your prescription refill request in the refill queue',
  'refill.review': 'Started reviewing your prescription refill request',
  'refill.approve': 'Approved your prescription refill request',
  'refill.deny': 'Turned down your prescription refill request',
  'refill.needs-appointment': 'Asked you to book a visit before a prescription refill',
  'refill.send': 'Sent your approved prescription to your pharmacy',
  'refill-report.read': null,
  // Billing (modules/billing).
  'billing.ledger.read': 'Looked at your billing account',
  'billing.charge.post': 'Added a charge to your bill',
  'billing.insurance-payment.post': 'Recorded a payment from your insurance',
  'billing.adjustment.post': 'Recorded an adjustment your insurance’s contract makes',
  'billing.patient-payment.post': 'Recorded a payment you made',
  'billing.refund.post': 'Recorded a refund to you',
  'billing.write-off.post': 'Forgave part of your bill',
  'billing.reversal.post': 'Corrected an entry on your bill',
  'billing.aging.read': 'Saw your account in the billing aging report',
  'billing.deposits.read': 'Saw a payment on your account in the daily deposit report',
  'billing.summary.read': 'Looked at what you owe',
  'billing.charges.read': 'Looked at your itemized charges',
  'billing.payments.read': 'Looked at your payment history',
  'billing.statements.read': 'Looked at your list of billing statements',
  'billing.statement.pdf': 'Downloaded one of your billing statements',
  'billing.statement.issue': 'Issued you a billing statement',
  'statement-run.preview': null,
  'statement-run.issue': null,
} as const satisfies Readonly<Record<string, string | null>>;

/** A refusal recorded at the door, named after the refused operation (api.getPatient). */
export type RefusedOperationAction = `api.${string}`;

/** An action the audit trail records: one of the registry's, or a refused operation. */
export type AuditAction = keyof typeof AUDIT_ACTIONS | RefusedOperationAction;

/** The audit name of each kind of patient record (records/record-kinds.ts): condition.read … */
export type RecordKindAuditName =
  'condition' | 'allergy' | 'immunization' | 'visit-summary' | 'care-plan' | 'medication';

/** What each kind of record can have done to it; `${RecordKindAuditName}.${RecordVerb}` is an AuditAction. */
export type RecordVerb = 'list' | 'read' | 'create' | 'update' | 'history';

/** Shown for a row whose action has no description (one recorded under an older name). */
export const GENERIC_DESCRIPTION = 'Worked with your record';

/** What an action in the trail means to the patient. */
export function describeAction(action: string): string {
  const description = Object.hasOwn(AUDIT_ACTIONS, action)
    ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS]
    : null;
  return description ?? GENERIC_DESCRIPTION;
}

/** Every record kind's actions are in the registry (fails to compile when one is missing). */
type RecordKindActions = `${RecordKindAuditName}.${RecordVerb}`;
const _everyRecordKindAction: readonly (keyof typeof AUDIT_ACTIONS)[] = [] as RecordKindActions[];
void _everyRecordKindAction;
