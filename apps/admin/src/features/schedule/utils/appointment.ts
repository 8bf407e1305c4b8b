import type { Appointment } from '../api/schedule';

/** What the actions need of an appointment; the schedule's and the chart's both have it. */
export type AppointmentLike = Pick<
  Appointment,
  | 'id'
  | 'patientId'
  | 'status'
  | 'version'
  | 'startsAt'
  | 'endsAt'
  | 'provider'
  | 'location'
  | 'visitType'
>;
