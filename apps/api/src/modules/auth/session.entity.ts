import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SessionStage = 'second_factor' | 'active';

@Entity('session')
export class Session {
  /** SHA-256 of the cookie value. */
  @PrimaryColumn('bytea') idHash: Buffer;
  @Column('uuid') accountId: string;
  @Column('text') stage: SessionStage;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') lastSeenAt: Date;
  @Column('timestamptz') absoluteExpiresAt: Date;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { nullable: true }) userAgent: string | null;
  @Column('timestamptz', { nullable: true }) endedAt: Date | null;
  @Column('text', { nullable: true }) endReason: string | null;
}
