import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../../infra/database/sql.js';

/** The queries of login_throttle; LoginThrottleService holds the limits. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The keys blocked at `now`, with until when. */
  blocked(keys: string[], now: Date): Promise<{ blocked_until: Date }[]> {
    return this.db.query(
      `SELECT blocked_until FROM login_throttle WHERE key = ANY($1) AND blocked_until > $2`,
      [keys, now],
    );
  }

  /** One more failure on each key; a count restarts once its window has passed. */
  async countFailures(
    keys: string[],
    now: Date,
    windowSeconds: number,
  ): Promise<{ key: string; failures: number }[]> {
    return returnedRows<{ key: string; failures: number }>(
      await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until)
       SELECT key, 1, $2, NULL FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < $2::timestamptz - make_interval(secs => $3)
                         THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < $2::timestamptz - make_interval(secs => $3)
                                  THEN $2 ELSE t.window_started_at END
       RETURNING key, failures`,
        [keys, now, windowSeconds],
      ),
    );
  }

  /**
   * Blocks a key that has `fromFailures` failures or more: for a fixed time, or for a wait
   * that doubles from 30 s with each further failure, up to a ceiling.
   */
  async block(
    key: string,
    now: Date,
    rule: { fromFailures: number } & (
      | { forSeconds: number; growingUpToSeconds?: never }
      | { growingUpToSeconds: number; forSeconds?: never }
    ),
  ): Promise<void> {
    if (rule.growingUpToSeconds !== undefined) {
      await this.db.query(
        `UPDATE login_throttle SET blocked_until = $2::timestamptz + make_interval(secs =>
            LEAST($3::float8, 30 * power(2, failures - $4)))
          WHERE key = $1 AND failures >= $4`,
        [key, now, rule.growingUpToSeconds, rule.fromFailures],
      );
    } else {
      await this.db.query(
        `UPDATE login_throttle SET blocked_until = $2::timestamptz + make_interval(secs => $3)
          WHERE key = $1 AND failures >= $4`,
        [key, now, rule.forSeconds, rule.fromFailures],
      );
    }
  }

  /** One more wrong code on a waiting session's key; the count so far. */
  async countCodeFailure(key: string, now: Date): Promise<number> {
    const rows = returnedRows<{ failures: number }>(
      await this.db.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET failures = t.failures + 1 RETURNING failures`,
        [key, now],
      ),
    );
    return rows[0]!.failures;
  }

  async clear(key: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
