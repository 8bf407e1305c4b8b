import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { Principal, RequestContext } from '../../common/principal.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { Account } from '../accounts/account.entity.js';
import { Session, type SessionStage } from './session.entity.js';
import { SessionsRepository } from './sessions.repository.js';

export interface ResolvedSession {
  principal: Principal;
  stage: SessionStage;
  username: string;
  displayName: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

const PENDING_TTL_MS = 10 * 60_000;

export function hashSessionId(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Server-side sessions in PostgreSQL, so any API process can serve any request. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly rows: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get idleMs(): number {
    return this.config.sessionIdleMinutes * 60_000;
  }

  /** Returns the cookie value (256 random bits); only its hash is stored. */
  async create(
    account: Account,
    stage: SessionStage,
    context: RequestContext,
  ): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = Object.assign(new Session(), {
      idHash: hashSessionId(token),
      accountId: account.id,
      stage,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
      ip: context.ip,
      userAgent: context.userAgent,
      endedAt: null,
      endReason: null,
    });
    await this.rows.insert(session);
    return { token, session };
  }

  /**
   * One statement per request: finds a live session (both timeouts, the account active) and
   * records the activity. The write happens only when the stored time is over 30 s old, so
   * most requests commit nothing; the idle limit is exact to within those 30 s.
   */
  async touch(token: string): Promise<ResolvedSession | null> {
    const now = this.clock.now();
    const row = await this.rows.touch(hashSessionId(token), now, this.idleMs / 1000);
    if (!row) return null;
    return {
      principal: {
        accountId: row.account_id,
        kind: row.kind,
        roles: row.roles,
        patientId: row.patient_id,
        sessionIdHash: hashSessionId(token),
      },
      stage: row.stage,
      username: row.username,
      displayName: row.display_name,
      lastSeenAt: row.last_seen_at,
      absoluteExpiresAt: row.absolute_expires_at,
    };
  }

  /** A session waiting for its second factor: it lives at most 10 minutes. */
  async findPending(token: string): Promise<Session | null> {
    const now = this.clock.now();
    const session = await this.rows.findPending(hashSessionId(token));
    if (!session || now.getTime() - session.createdAt.getTime() > PENDING_TTL_MS) return null;
    return session;
  }

  /** Open sessions of an account, newest activity first (for "where am I signed in"). */
  async listOpen(accountId: string): Promise<Session[]> {
    const now = this.clock.now();
    const sessions = await this.rows.listOpen(accountId, now);
    return sessions.filter((s) => now.getTime() - s.lastSeenAt.getTime() < this.idleMs);
  }

  /** Ends one session; with accountId, only if it belongs to that account. */
  async end(idHash: Buffer, reason: string, accountId?: string): Promise<boolean> {
    return (await this.rows.end({ idHash, accountId }, this.clock.now(), reason)) > 0;
  }

  /** Ends every open session of an account, except the one given (e.g. after a password change). */
  async endAllFor(accountId: string, reason: string, except?: Buffer): Promise<number> {
    return this.rows.endAllFor(accountId, this.clock.now(), reason, except);
  }
}
