import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/problem.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';

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
    private readonly rows: LoginThrottleRepository,
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
    const rows = await this.rows.blocked(keys, now);
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
    const inserted = await this.rows.countFailures(keys, now, WINDOW_MS / 1000);
    // The account's (or device's) block grows with its count; the IP's is one window.
    await this.rows.block(usernameKey, now, {
      fromFailures: freeFailures,
      growingUpToSeconds: USERNAME_MAX_DELAY_MS / 1000,
    });
    if (ipKey !== null) {
      await this.rows.block(ipKey, now, {
        fromFailures: IP_FAILURES_PER_WINDOW,
        forSeconds: WINDOW_MS / 1000,
      });
    }
    return inserted.find((row) => row.key === usernameKey)?.failures ?? 0;
  }

  /** Counts a wrong second-factor code against its waiting session; returns the count. */
  async recordCodeFailure(key: string): Promise<number> {
    return this.rows.countCodeFailure(key, this.clock.now());
  }

  async clear(key: string): Promise<void> {
    await this.rows.clear(key);
  }
}
