import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccountTokenPurpose = 'password-reset' | 'unlock';

/** A single-use emailed link (password reset, sign-in unlock); only its hash is kept. */
@Entity('account_token')
export class AccountToken {
  @PrimaryColumn('text') tokenHash: string;
  @Column('uuid') accountId: string;
  @Column('text') purpose: AccountTokenPurpose;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  @Column('timestamptz') createdAt: Date;
}

@Entity('recovery_code')
export class RecoveryCode {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') accountId: string;
  @Column('text') codeHash: string;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  @Column('timestamptz') createdAt: Date;
}
