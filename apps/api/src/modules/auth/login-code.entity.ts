import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An emailed sign-in code, tied to the session waiting for it; only its hash is kept. */
@Entity('login_code')
export class LoginCode {
  @PrimaryColumn('uuid') id: string;
  @Column('bytea') sessionIdHash: Buffer;
  @Column('text') codeHash: string;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  @Column('timestamptz') createdAt: Date;
}
