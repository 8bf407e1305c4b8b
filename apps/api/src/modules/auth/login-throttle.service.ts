import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/problem.js';
import { returnedRows } from '../../infra/database/sql.js';

const WINDOW_MS = 15 * 60_000;
export const USERNAME_FREE_FAILURES = 5;
const USERNAME_MAX_DELAY_MS = 15 * 60_000;
const IP_FAILURES_PER_WINDOW = 100;

export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too_many_sign_in_attempts',
      'Too many sign-in attempts',
      `Too many tries. Wait ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s) and try again, or reset your password.`,
    );
  }
}

/**
 * Slows password guessing, in PostgreSQL so every API process shares the counts.
 *
 * - Per account: keyed by the username typed (existing or not, so the answers never reveal
 *   which). After 5 failures in 15 minutes each further one doubles a wait from 30 s up to
 *   15 min.
 * - Per IP: 100 failures in 15 minutes block that address for 15 minutes. The address is the
 *   socket peer, or the client named by a trusted proxy (TRUST_PROXY), never a header any
 *   client can set.
 * - Per known device: a browser presenting a valid known-device token for the account typed
 *   (KnownDevicesService) is counted on its own key, with the same growing waits, instead of
 *   the account's and the IP's: a stranger guessing from anywhere else cannot pause it.
 *
 * The first pause of an account emails its owner an unlock link, which lifts the pause and
 * makes that browser a known device.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  static usernameKey(username: string): string {
    return `user:${username.trim().toLowerCase()}`;
  }

  static ipKey(ip: string): string {
    return `ip:${ip}`;
  }

  static deviceKey(deviceId: string): string {
    return `device:${deviceId}`;
  }

  async assertAllowed(keys: string[]): Promise<void> {
    const now = this.clock.now();
    const rows: { blocked_until: Date }[] = await this.db.query(
      `SELECT blocked_until FROM login_throttle WHERE key = ANY($1) AND blocked_until > $2`,
      [keys, now],
    );
    if (rows.length) {
      const until = Math.max(...rows.map((r) => r.blocked_until.getTime()));
      throw new TooManyAttemptsError(Math.ceil((until - now.getTime()) / 1000));
    }
  }

  /**
   * Counts a failure against an account (or device) key and, unless null, an IP key. Returns
   * the failure count of the first key, so the caller can act on the first pause.
   */
  async recordFailure(
    usernameKey: string,
    ipKey: string | null,
    freeFailures = USERNAME_FREE_FAILURES,
  ): Promise<number> {
    const now = this.clock.now();
    const keys = ipKey === null ? [usernameKey] : [usernameKey, ipKey];
    // Counts restart when the window has passed; the block grows with the count.
    const inserted = returnedRows<{ key: string; failures: number }>(
      await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until)
       SELECT key, 1, $2, NULL FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < $2::timestamptz - make_interval(secs => $3)
                         THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < $2::timestamptz - make_interval(secs => $3)
                                  THEN $2 ELSE t.window_started_at END
       RETURNING key, failures`,
        [keys, now, WINDOW_MS / 1000],
      ),
    );
    await this.db.query(
      `UPDATE login_throttle SET blocked_until = $2::timestamptz + make_interval(secs =>
          LEAST($3::float8, 30 * power(2, failures - $4)))
        WHERE key = $1 AND failures >= $4`,
      [usernameKey, now, USERNAME_MAX_DELAY_MS / 1000, freeFailures],
    );
    if (ipKey !== null) {
      await this.db.query(
        `UPDATE login_throttle SET blocked_until = $2::timestamptz + make_interval(secs => $3)
          WHERE key = $1 AND failures >= $4`,
        [ipKey, now, WINDOW_MS / 1000, IP_FAILURES_PER_WINDOW],
      );
    }
    return inserted.find((row) => row.key === usernameKey)?.failures ?? 0;
  }

  /** Counts a wrong second-factor code against its waiting session; returns the count. */
  async recordCodeFailure(key: string): Promise<number> {
    const rows = returnedRows<{ failures: number }>(
      await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET failures = t.failures + 1 RETURNING failures`,
        [key, this.clock.now()],
      ),
    );
    return rows[0]!.failures;
  }

  async clear(key: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
