import { Column, Entity, PrimaryColumn } from 'typeorm';

export const APPOINTMENT_STATUSES = [
  'booked',
  'arrived',
  'completed',
  'no-show',
  'cancelled',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type BookedBy = 'patient' | 'staff';

@Entity('appointment')
export class Appointment {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') patientId: string;
  @Column('uuid') providerId: string;
  @Column('uuid') locationId: string;
  @Column('uuid') visitTypeId: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text') status: AppointmentStatus;
  /** Private to the care team and the patient: never in emails, calendar files or jobs. */
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text') bookedBy: BookedBy;
  @Column('uuid', { nullable: true }) bookedByAccountId: string | null;
  @Column('text', { nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { nullable: true }) cancelledAt: Date | null;
  @Column('text', { nullable: true }) cancelledBy: BookedBy | null;
  /** Bumped by every change; a change naming an older version answers 409. */
  @Column('integer') version: number;
  /** Bumped only when the time moves; reminder jobs carry it. */
  @Column('integer') scheduleVersion: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}

/** One processed reminder (sent or skipped); its key makes a duplicate job a no-op. */
@Entity('appointment_reminder')
export class AppointmentReminder {
  @PrimaryColumn('uuid') appointmentId: string;
  @PrimaryColumn('integer') scheduleVersion: number;
  @PrimaryColumn('integer') offsetMinutes: number;
  @Column('text') outcome: 'sent' | 'skipped';
  @Column('text', { nullable: true }) detail: string | null;
  @Column('uuid', { nullable: true }) mailDeliveryId: string | null;
  @Column('timestamptz') processedAt: Date;
}
