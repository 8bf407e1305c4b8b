import type { PostalAddress } from '../patients/patient.entity.js';
import { toLocationView } from '../scheduling/catalog.dto.js';
import type { Location } from '../scheduling/scheduling.service.js';
import type { AppointmentStatus, BookedBy } from './appointment.entity.js';
import type { AppointmentView, ReminderState, ReminderView } from './appointments.dto.js';

/**
 * One appointment with its provider, location and visit type, read in the same query: a list
 * costs one query whatever its length. `cursor_at` is the start to the microsecond, as
 * PostgreSQL holds it, so a page boundary never skips or repeats a row. `extraColumns` adds
 * columns of tables the caller joins after it.
 */
export function appointmentSelect(extraColumns = ''): string {
  return `
  SELECT ${extraColumns ? `${extraColumns},` : ''} a.id, a.patient_id, a.status, a.starts_at, a.ends_at, a.reason, a.booked_by,
         a.created_at, a.updated_at, a.cancelled_at, a.cancel_reason, a.version, a.schedule_version,
         to_char(a.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
         pr.id AS provider_id, pr.display_name AS provider_name, pr.specialty AS provider_specialty,
         l.id AS location_id, l.name AS location_name, l.address AS location_address,
         l.phone AS location_phone, l.time_zone AS location_time_zone,
         l.arrival_instructions AS location_arrival_instructions, l.active AS location_active,
         l.created_at AS location_created_at, l.updated_at AS location_updated_at,
         vt.id AS visit_type_id, vt.name AS visit_type_name,
         vt.duration_minutes AS visit_type_duration_minutes
    FROM appointment a
    JOIN provider pr ON pr.id = a.provider_id
    JOIN location l ON l.id = a.location_id
    JOIN visit_type vt ON vt.id = a.visit_type_id`;
}

export interface AppointmentRow {
  id: string;
  patient_id: string;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  reason: string | null;
  booked_by: BookedBy;
  created_at: Date;
  updated_at: Date;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
  schedule_version: number;
  cursor_at: string;
  provider_id: string;
  provider_name: string;
  provider_specialty: string;
  location_id: string;
  location_name: string;
  location_address: PostalAddress;
  location_phone: string;
  location_time_zone: string;
  location_arrival_instructions: string | null;
  location_active: boolean;
  location_created_at: Date;
  location_updated_at: Date;
  visit_type_id: string;
  visit_type_name: string;
  visit_type_duration_minutes: number;
}

export function rowLocation(row: AppointmentRow): Location {
  return {
    id: row.location_id,
    name: row.location_name,
    address: row.location_address,
    phone: row.location_phone,
    timeZone: row.location_time_zone,
    arrivalInstructions: row.location_arrival_instructions,
    active: row.location_active,
    createdAt: row.location_created_at,
    updatedAt: row.location_updated_at,
  };
}

export interface ViewSettings {
  now: Date;
  cancelCutoffHours: number;
}

export function toAppointmentView(
  row: AppointmentRow,
  settings: ViewSettings,
  reminders?: ReminderView[],
): AppointmentView {
  const changeableUntil = new Date(
    row.starts_at.getTime() - settings.cancelCutoffHours * 3_600_000,
  );
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    provider: {
      id: row.provider_id,
      displayName: row.provider_name,
      specialty: row.provider_specialty,
    },
    location: toLocationView(rowLocation(row)),
    visitType: {
      id: row.visit_type_id,
      name: row.visit_type_name,
      durationMinutes: row.visit_type_duration_minutes,
    },
    reason: row.reason,
    bookedBy: row.booked_by,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    version: row.version,
    changeableUntil: changeableUntil.toISOString(),
    canChangeOnline: row.status === 'booked' && settings.now < changeableUntil,
    ...(reminders ? { reminders } : {}),
  };
}

/** A reminder already handled for the appointment's current time. */
export interface ProcessedReminder {
  outcome: 'sent' | 'skipped';
  detail: string | null;
}

/**
 * The state of each configured reminder: handled (sent or skipped, from appointment_reminder),
 * waiting in the queue, or never scheduled (the visit is no longer booked, or it was booked or
 * moved after the reminder's time).
 */
export function reminderViews(
  appointment: Pick<
    AppointmentRow,
    'status' | 'starts_at' | 'created_at' | 'updated_at' | 'schedule_version'
  >,
  offsetsMinutes: number[],
  processed: Map<number, ProcessedReminder> | undefined,
  now: Date,
): ReminderView[] {
  // When the current time was set: booking, or the last move (the row's last change then).
  const scheduledAt =
    appointment.schedule_version === 1 ? appointment.created_at : appointment.updated_at;
  return offsetsMinutes.map((offsetMinutes) => {
    const dueAt = new Date(appointment.starts_at.getTime() - offsetMinutes * 60_000);
    const done = processed?.get(offsetMinutes);
    let state: ReminderState;
    let detail: string | null;
    if (done) {
      state = done.outcome;
      detail = done.detail;
    } else if (appointment.status !== 'booked') {
      state = 'not-scheduled';
      detail =
        appointment.status === 'cancelled' ? 'appointment cancelled' : 'appointment not booked';
    } else if (dueAt <= scheduledAt) {
      state = 'not-scheduled';
      detail = 'booked after this reminder was due';
    } else {
      state = 'scheduled';
      detail = dueAt <= now ? 'due; waiting to be sent' : null;
    }
    return { offsetMinutes, dueAt: dueAt.toISOString(), state, detail };
  });
}
