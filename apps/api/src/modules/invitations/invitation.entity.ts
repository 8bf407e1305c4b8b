import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the table stores; "expired" is computed from expiresAt (see invitationStatus). */
export type StoredInvitationStatus = 'pending' | 'sent' | 'accepted' | 'revoked';
export const INVITATION_STATUSES = ['pending', 'sent', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** A portal invitation sent to a patient's email. The link's token is stored only as a hash. */
@Entity('invitation')
export class Invitation {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') patientId: string;
  /** Where the current link was sent; the emailed code goes to the same address. */
  @Column('text') email: string;
  /** SHA-256 (hex) of the current link's token. */
  @Column('text') tokenHash: string;
  /** pending: committed, email not yet handed to the mail queue; sent: handed over. */
  @Column('text') status: StoredInvitationStatus;
  @Column('timestamptz') expiresAt: Date;
  /** The mail_delivery row of the latest email, for its delivery state. */
  @Column('uuid') mailDeliveryId: string;
  @Column('integer') sendCount: number;
  /** Wrong dates of birth entered; the fifth locks the invitation until staff resend it. */
  @Column('integer') dobFailures: number;
  @Column('timestamptz', { nullable: true }) lockedAt: Date | null;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz', { nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('uuid', { nullable: true }) revokedBy: string | null;
}

/** A link replaced by a resend: it no longer works, but says why. */
@Entity('invitation_replaced_token')
export class InvitationReplacedToken {
  @PrimaryColumn('text') tokenHash: string;
  @Column('uuid') invitationId: string;
  @Column('timestamptz') replacedAt: Date;
}

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.status === 'accepted' || invitation.status === 'revoked') {
    return invitation.status;
  }
  return invitation.expiresAt <= now ? 'expired' : invitation.status;
}
