import { Column, Entity, PrimaryColumn } from 'typeorm';

export const IDENTITY_METHODS = ['date-of-birth', 'email-code'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/** The code emailed for one invitation link; asking again replaces it. Stored hashed. */
@Entity('registration_email_code')
export class RegistrationEmailCode {
  @PrimaryColumn('text') tokenHash: string;
  @Column('uuid') invitationId: string;
  @Column('text') codeHash: string;
  @Column('timestamptz') expiresAt: Date;
  /** Tries at the current code, right or wrong. */
  @Column('integer') attempts: number;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  /** Codes sent for this link so far. */
  @Column('integer') sends: number;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}

/** Proof of a passed identity check, spent by completing registration. Stored hashed. */
@Entity('registration_ticket')
export class RegistrationTicket {
  @PrimaryColumn('text') ticketHash: string;
  @Column('uuid') invitationId: string;
  /** The link it was earned with: a resend of the invitation makes the ticket worthless. */
  @Column('text') tokenHash: string;
  @Column('text') method: IdentityMethod;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
}
