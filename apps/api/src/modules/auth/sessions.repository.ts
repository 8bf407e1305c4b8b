import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Not, type Repository } from 'typeorm';
import { returnedRows } from '../../infra/database/sql.js';
import { Session, type SessionStage } from './session.entity.js';

/** Activity is written at most this often, so most requests commit nothing. */
const TOUCH_INTERVAL_SECONDS = 30;

/** A live session with its account, as the session guard resolves it. */
export interface LiveSessionRow {
  account_id: string;
  stage: SessionStage;
  absolute_expires_at: Date;
  last_seen_at: Date;
  kind: 'patient' | 'staff';
  roles: string[];
  patient_id: string | null;
  username: string;
  display_name: string;
}

/** The queries of the session table; SessionsService holds the timeouts and the tokens. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  async insert(session: Session): Promise<void> {
    await this.sessions.insert(session);
  }

  /**
   * One statement: finds a live session (not ended, idle less than `idleSeconds`, before its
   * absolute expiry, the account active) and records the activity when the stored time is
   * over 30 s old.
   */
  async touch(idHash: Buffer, now: Date, idleSeconds: number): Promise<LiveSessionRow | undefined> {
    const rows = returnedRows<LiveSessionRow>(
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
        [idHash, now, idleSeconds, TOUCH_INTERVAL_SECONDS],
      ),
    );
    return rows[0];
  }

  /** A session still waiting for its second factor. */
  findPending(idHash: Buffer): Promise<Session | null> {
    return this.sessions.findOneBy({ idHash, stage: 'second_factor', endedAt: IsNull() });
  }

  /** An account's open, fully signed-in sessions, newest activity first (at most 50). */
  listOpen(accountId: string, now: Date): Promise<Session[]> {
    return this.sessions.find({
      where: { accountId, endedAt: IsNull(), stage: 'active', absoluteExpiresAt: MoreThan(now) },
      order: { lastSeenAt: 'DESC' },
      take: 50,
    });
  }

  /** Ends one open session (with accountId, only that account's); how many ended. */
  async end(
    which: { idHash: Buffer; accountId?: string },
    now: Date,
    reason: string,
  ): Promise<number> {
    const result = await this.sessions.update(
      {
        idHash: which.idHash,
        endedAt: IsNull(),
        ...(which.accountId ? { accountId: which.accountId } : {}),
      },
      { endedAt: now, endReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Ends every open session of an account but `except`; how many ended. */
  async endAllFor(accountId: string, now: Date, reason: string, except?: Buffer): Promise<number> {
    const result = await this.sessions.update(
      { accountId, endedAt: IsNull(), ...(except ? { idHash: Not(except) } : {}) },
      { endedAt: now, endReason: reason },
    );
    return result.affected ?? 0;
  }
}
