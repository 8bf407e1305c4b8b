import { Column, Entity, PrimaryColumn } from 'typeorm';

export const STAFF_ROLES = ['admin', 'provider', 'nurse', 'front-desk', 'billing'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type AccountKind = 'patient' | 'staff';
export type SecondFactor = 'none' | 'email' | 'totp';

/** A person who signs in: a patient (linked to their patient record) or a staff member. */
@Entity('account')
export class Account {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: AccountKind;
  @Column('text') username: string;
  @Column('text') displayName: string;
  @Column('text') email: string;
  @Column('text', { array: true }) roles: StaffRole[];
  @Column('uuid', { nullable: true }) patientId: string | null;
  @Column('text') passwordHash: string;
  @Column('text') status: 'active' | 'disabled';
  @Column('text') secondFactor: SecondFactor;
  @Column('text', { nullable: true }) totpSecret: string | null;
  @Column('bigint', { nullable: true }) totpLastStep: string | null;
  /** Secret shown during authenticator set-up, until the first code confirms it. */
  @Column('text', { nullable: true }) pendingTotpSecret: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz') passwordChangedAt: Date;
}
