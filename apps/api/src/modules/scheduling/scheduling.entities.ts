import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PostalAddress } from '../patients/patient.entity.js';

export const PATIENT_STATUSES = ['new', 'established', 'any'] as const;
export type PatientStatusRule = (typeof PATIENT_STATUSES)[number];

export const EXCEPTION_KINDS = ['time-off', 'extra-hours'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** A clinic location; its time zone is the one every time there is shown in. */
@Entity('location')
export class Location {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('jsonb') address: PostalAddress;
  @Column('text') phone: string;
  /** IANA zone name, e.g. America/Chicago. */
  @Column('text') timeZone: string;
  @Column('text', { nullable: true }) arrivalInstructions: string | null;
  @Column('boolean') active: boolean;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}

/** A clinician patients can book with, optionally linked to a staff account. */
@Entity('provider')
export class Provider {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { nullable: true }) accountId: string | null;
  @Column('text') displayName: string;
  @Column('text') specialty: string;
  @Column('text', { nullable: true }) bio: string | null;
  @Column('boolean') active: boolean;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}

@Entity('visit_type')
export class VisitType {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('integer') durationMinutes: number;
  @Column('boolean') bookableOnline: boolean;
  /** Which patients may book it online: new (no completed visit yet), established, or any. */
  @Column('text') patientStatus: PatientStatusRule;
  @Column('boolean') active: boolean;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}

@Entity('provider_visit_type')
export class ProviderVisitType {
  @PrimaryColumn('uuid') providerId: string;
  @PrimaryColumn('uuid') visitTypeId: string;
}

/** Weekly hours in the location's wall-clock time. */
@Entity('availability_rule')
export class AvailabilityRule {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') providerId: string;
  @Column('uuid') locationId: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Column('smallint') weekday: number;
  /** HH:MM:SS as PostgreSQL returns a time. */
  @Column('time') startTime: string;
  @Column('time') endTime: string;
  /** YYYY-MM-DD, inclusive. */
  @Column('date') validFrom: string;
  @Column('date', { nullable: true }) validUntil: string | null;
  @Column('timestamptz') createdAt: Date;
}

/** Time off (removes hours) or extra hours at a location (adds them), as absolute instants. */
@Entity('availability_exception')
export class AvailabilityException {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') providerId: string;
  @Column('uuid', { nullable: true }) locationId: string | null;
  @Column('text') kind: ExceptionKind;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @Column('timestamptz') createdAt: Date;
}
