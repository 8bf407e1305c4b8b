import { DateTime } from 'luxon';
import { composeEmail } from '../../infra/mail/compose.js';
import type { MailRequest } from '../../infra/mail/mail.service.js';
import type { PostalAddress } from '../patients/patient.entity.js';

/** What an appointment email may say: where and when, never why or with which specialty. */
export interface EmailAppointment {
  id: string;
  startsAt: Date;
  location: {
    name: string;
    address: PostalAddress;
    phone: string;
    timeZone: string;
    arrivalInstructions: string | null;
  };
}

export interface EmailSettings {
  publicUrl: string;
  clinicName: string;
  cancelCutoffHours: number;
  /** When the email is written: a change deadline already past is never stated. */
  now: Date;
}

/** "Tuesday, 1 December 2026, 9:30 AM CST": written out in the location's zone. */
export function formatWhen(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone })
    .setLocale('en-US')
    .toFormat('cccc, d LLLL yyyy, h:mm a ZZZZ');
}

export function addressLine(address: PostalAddress): string {
  return [
    address.line1,
    address.line2,
    address.city,
    `${address.region} ${address.postalCode}`,
    address.country,
  ]
    .filter(Boolean)
    .join(', ');
}

export function appointmentUrl(publicUrl: string, appointmentId: string): string {
  return `${publicUrl}/appointments/${appointmentId}`;
}

function whereParagraphs(appointment: EmailAppointment): string[] {
  const { location } = appointment;
  return [
    `Address: ${location.name}, ${addressLine(location.address)}.`,
    ...(location.arrivalInstructions ? [`When you arrive: ${location.arrivalInstructions}`] : []),
  ];
}

function changePolicy(appointment: EmailAppointment, settings: EmailSettings): string {
  const { location } = appointment;
  const until = new Date(appointment.startsAt.getTime() - settings.cancelCutoffHours * 3_600_000);
  if (until <= settings.now) {
    return (
      `It is less than ${settings.cancelCutoffHours} hours away, so it can no longer be changed ` +
      `or cancelled online. To change or cancel it, please call ${location.name} at ${location.phone}.`
    );
  }
  return (
    `You can change or cancel it in the patient portal until ${formatWhen(until, location.timeZone)}. ` +
    `After that, please call ${location.name} at ${location.phone}.`
  );
}

function email(
  to: string,
  template: string,
  subject: string,
  paragraphs: string[],
  appointment: EmailAppointment,
  settings: EmailSettings,
): MailRequest {
  return composeEmail({
    template,
    to,
    subject,
    paragraphs: ['Hello,', ...paragraphs],
    action: {
      label: 'See your appointment',
      url: appointmentUrl(settings.publicUrl, appointment.id),
    },
    clinicName: settings.clinicName,
  });
}

export function bookedEmail(
  to: string,
  appointment: EmailAppointment,
  settings: EmailSettings,
): MailRequest {
  const when = formatWhen(appointment.startsAt, appointment.location.timeZone);
  return email(
    to,
    'appointment-booked',
    'Your appointment is booked',
    [
      `Your appointment at ${appointment.location.name} is booked for ${when}.`,
      ...whereParagraphs(appointment),
      changePolicy(appointment, settings),
    ],
    appointment,
    settings,
  );
}

export function rescheduledEmail(
  to: string,
  appointment: EmailAppointment,
  previous: { startsAt: Date },
  settings: EmailSettings,
): MailRequest {
  const zone = appointment.location.timeZone;
  return email(
    to,
    'appointment-rescheduled',
    'Your appointment has a new time',
    [
      `Your appointment has moved to ${formatWhen(appointment.startsAt, zone)}, at ` +
        `${appointment.location.name}.`,
      `The earlier time, ${formatWhen(previous.startsAt, zone)}, is no longer held for you.`,
      ...whereParagraphs(appointment),
      changePolicy(appointment, settings),
    ],
    appointment,
    settings,
  );
}

export function cancelledEmail(
  to: string,
  appointment: EmailAppointment,
  settings: EmailSettings,
): MailRequest {
  const { location } = appointment;
  return email(
    to,
    'appointment-cancelled',
    'Your appointment is cancelled',
    [
      `Your appointment at ${location.name} on ${formatWhen(appointment.startsAt, location.timeZone)} is cancelled.`,
      `To book another time, use the patient portal or call ${location.name} at ${location.phone}.`,
    ],
    appointment,
    settings,
  );
}

export function reminderEmail(
  to: string,
  appointment: EmailAppointment,
  settings: EmailSettings,
): MailRequest {
  const { location } = appointment;
  const day = DateTime.fromJSDate(appointment.startsAt, { zone: location.timeZone })
    .setLocale('en-US')
    .toFormat('cccc, d LLLL');
  return email(
    to,
    'appointment-reminder',
    `Reminder: your appointment on ${day}`,
    [
      `This is a reminder of your appointment at ${location.name} on ` +
        `${formatWhen(appointment.startsAt, location.timeZone)}.`,
      ...whereParagraphs(appointment),
      `If you cannot come, please cancel or change it in the patient portal, or call ` +
        `${location.name} at ${location.phone}.`,
    ],
    appointment,
    settings,
  );
}
