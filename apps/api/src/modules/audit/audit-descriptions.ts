/**
 * What a staff member's action means, in words a patient reads in "who has accessed my
 * record". One table for every module: add a line when a module records a new action on
 * patient data. Actions missing here still show, with the generic description.
 */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
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
  'schedule.read': 'Saw your appointment in a clinic schedule',
  'schedule.conflict.read': 'Saw your appointment in a list of visits that may need a new time',
  'audit.read': 'Reviewed the activity log of your record',
  'audit.access-log.read': 'Looked at who has accessed your record',
};

export const GENERIC_DESCRIPTION = 'Worked with your record';

export function describeAction(action: string): string {
  return Object.hasOwn(DESCRIPTIONS, action) ? DESCRIPTIONS[action]! : GENERIC_DESCRIPTION;
}
