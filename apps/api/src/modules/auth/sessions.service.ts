import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Not, type Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Principal, RequestContext } from '../../common/principal.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { Account } from '../accounts/account.entity.js';
import { returnedRows } from '../../infra/database/sql.js';
import { Session, type SessionStage } from './session.entity.js';

export interface ResolvedSession {
  principal: Principal;
  stage: SessionStage;
  username: string;
  displayName: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

const PENDING_TTL_MS = 10 * 60_000;
const TOUCH_INTERVAL_SECONDS = 30;

export function hashSessionId(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Server-side sessions in PostgreSQL, so any API process can serve any request. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
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
    const session = this.sessions.create({
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
    await this.sessions.insert(session);
    return { token, session };
  }

  /**
   * One statement per request: finds a live session (both timeouts, the account active) and
   * records the activity. The write happens only when the stored time is over 30 s old, so
   * most requests commit nothing; the idle limit is exact to within those 30 s.
   */
  async touch(token: string): Promise<ResolvedSession | null> {
    const now = this.clock.now();
    const rows = returnedRows<{
      account_id: string;
      stage: SessionStage;
      absolute_expires_at: Date;
      last_seen_at: Date;
      kind: 'patient' | 'staff';
      roles: string[];
      patient_id: string | null;
      username: string;
      display_name: string;
    }>(
      await this.sessions.query(
        `WITH live AS (
           SELECT s.id_hash, s.account_id, s.stage, s.absolute_expires_at, s.last_seen_at,
                  a.kind, a.roles, a.patient_id, a.username, a.display_name
             FROM session s JOIN account a ON a.id = s.account_id
            WHERE s.id_hash = $1 AND a.status = 'active' AND s.ended_at IS NULL
              AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3)
              AND s.absolute_expires_at > $2
         ), touched AS (
           UPDATE session SET last_seen_at = $2
            WHERE id_hash = (SELECT id_hash FROM live)
              AND last_seen_at < $2::timestamptz - make_interval(secs => $4)
           RETURNING last_seen_at
         )
         SELECT live.account_id, live.stage, live.absolute_expires_at, live.kind, live.roles,
                live.patient_id, live.username, live.display_name,
                COALESCE((SELECT last_seen_at FROM touched), live.last_seen_at) AS last_seen_at
           FROM live`,
        [hashSessionId(token), now, this.idleMs / 1000, TOUCH_INTERVAL_SECONDS],
      ),
    );
    const row = rows[0];
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
    const session = await this.sessions.findOneBy({
      idHash: hashSessionId(token),
      stage: 'second_factor',
      endedAt: IsNull(),
    });
    if (!session || now.getTime() - session.createdAt.getTime() > PENDING_TTL_MS) return null;
    return session;
  }

  /** Open sessions of an account, newest activity first (for "where am I signed in"). */
  async listOpen(accountId: string): Promise<Session[]> {
    const now = this.clock.now();
    const sessions = await this.sessions.find({
      where: { accountId, endedAt: IsNull(), stage: 'active', absoluteExpiresAt: MoreThan(now) },
      order: { lastSeenAt: 'DESC' },
      take: 50,
    });
    return sessions.filter((s) => now.getTime() - s.lastSeenAt.getTime() < this.idleMs);
  }

  /** Ends one session; with accountId, only if it belongs to that account. */
  async end(idHash: Buffer, reason: string, accountId?: string): Promise<boolean> {
    const result = await this.sessions.update(
      { idHash, endedAt: IsNull(), ...(accountId ? { accountId } : {}) },
      { endedAt: this.clock.now(), endReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Ends every open session of an account, except the one given (e.g. after a password change). */
  async endAllFor(accountId: string, reason: string, except?: Buffer): Promise<number> {
    const result = await this.sessions.update(
      { accountId, endedAt: IsNull(), ...(except ? { idHash: Not(except) } : {}) },
      { endedAt: this.clock.now(), endReason: reason },
    );
    return result.affected ?? 0;
  }
}
