import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MailStatus = 'queued' | 'sent' | 'failed';

@Entity('mail_delivery')
export class MailDelivery {
  @PrimaryColumn('uuid') id: string;
  /** Which kind of email (e.g. "invitation"), for delivery reports. */
  @Column('text') template: string;
  @Column('text') recipient: string;
  @Column('text') subject: string;
  @Column('text', { nullable: true }) textBody: string | null;
  @Column('text', { nullable: true }) htmlBody: string | null;
  /**
   * The message's code or token, sealed with the server key (ServerKeys.encrypt): the bodies
   * hold MAIL_SECRET in its place. Put in when sending; erased once sent, failed or expired.
   */
  @Column('text', { nullable: true }) secretSealed: string | null;
  /** When that secret stops working: a message not sent by then is not sent at all. */
  @Column('timestamptz', { nullable: true }) secretExpiresAt: Date | null;
  @Column('text') status: MailStatus;
  @Column('integer') attempts: number;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('text', { nullable: true }) messageId: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz', { nullable: true }) sentAt: Date | null;
}
