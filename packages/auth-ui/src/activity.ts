import type { Session } from '@portal/api-client';

/**
 * What the idle logoff needs to know besides the session itself:
 * - how far this device's clock is from the server's (the session's times are the server's);
 * - when the server last saw this person (every signed-in API call counts as activity, in
 *   this tab or another one of the same browser).
 */

const ACTIVITY_KEY = 'portal.lastActivity';
/** Differences smaller than this are network delay and rounding, not a wrong clock. */
const CLOCK_TOLERANCE_MS = 10_000;

let clockOffsetMs = 0;
let memoryActivity = 0;
const listeners = new Set<() => void>();

/**
 * Learns the server's clock from a response's Date header. Without one (or when close
 * enough), this device's clock is trusted.
 */
export function updateClockOffset(dateHeader: string | null | undefined): void {
  const serverTime = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  const offset = Number.isNaN(serverTime) ? 0 : serverTime - Date.now();
  clockOffsetMs = Math.abs(offset) > CLOCK_TOLERANCE_MS ? offset : 0;
}

/** Server time minus device time, in milliseconds. */
export function clockOffset(): number {
  return clockOffsetMs;
}

function readStored(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(ACTIVITY_KEY));
    return Number.isFinite(stored) ? stored : 0;
  } catch {
    // Storage can be blocked; this tab's own record still works.
    return 0;
  }
}

/** Records that the server just saw this person (a successful signed-in API call). */
export function recordActivity(at: number = Date.now()): void {
  memoryActivity = Math.max(memoryActivity, at);
  try {
    if (at > readStored()) {
      globalThis.localStorage?.setItem(ACTIVITY_KEY, String(at));
    }
  } catch {
    // See readStored.
  }
  for (const listener of listeners) {
    listener();
  }
}

/** The last time the server saw this person from this browser, in device time. */
export function lastActivity(): number {
  return Math.max(memoryActivity, readStored());
}

/**
 * Calls `listener` when activity is recorded here or in another tab. Returns the
 * unsubscribe function.
 */
export function subscribeActivity(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === ACTIVITY_KEY) {
      listener();
    }
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** Forgets recorded activity (signing out, and between tests). */
export function clearActivity(): void {
  memoryActivity = 0;
  try {
    globalThis.localStorage?.removeItem(ACTIVITY_KEY);
  } catch {
    // See readStored.
  }
}

export interface SessionTiming {
  /** How long the server allows without activity (15 minutes by default). */
  idleWindowMs: number;
  /** When the session ends, in device time: the idle or the absolute limit, whichever is first. */
  endsAt: number;
  /** Which limit ends it. */
  reason: 'idle' | 'expired';
}

const MINUTE = 60_000;
/**
 * The server records activity at most every 30 s, so after a call its idle limit can be up to
 * this much earlier than "then + idle window". Counting it keeps this side never later.
 */
const SERVER_TOUCH_SLACK_MS = 30_000;

/**
 * When a session ends, from the server's answer (received at `receivedAt`, device time) and
 * any later activity: each signed-in call moved the idle limit to "then + idle window".
 */
export function sessionTiming(
  session: Pick<Session, 'idleExpiresAt' | 'absoluteExpiresAt'>,
  receivedAt: number,
  activityAt: number = lastActivity(),
  offset: number = clockOffset(),
): SessionTiming {
  const idleAt = Date.parse(session.idleExpiresAt) - offset;
  const absoluteAt = Date.parse(session.absoluteExpiresAt) - offset;
  const idleWindowMs = Math.min(Math.max(idleAt - receivedAt, MINUTE), 24 * 60 * MINUTE);
  const idleEndsAt =
    activityAt > receivedAt
      ? Math.max(idleAt, activityAt + idleWindowMs - SERVER_TOUCH_SLACK_MS)
      : idleAt;
  return absoluteAt <= idleEndsAt
    ? { idleWindowMs, endsAt: absoluteAt, reason: 'expired' }
    : { idleWindowMs, endsAt: idleEndsAt, reason: 'idle' };
}
