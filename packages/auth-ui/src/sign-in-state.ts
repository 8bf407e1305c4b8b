import type { Location } from 'react-router';

/**
 * Why the sign-in page is showing, when there is something to say:
 * - signedOut: the person pressed Sign out;
 * - signedOutEverywhere: they signed out of every device;
 * - idle: the idle timer signed them out (`idleMinutes` says after how long);
 * - expired: the session reached its longest allowed length;
 * - ended: the session stopped working for another reason (ended on another device);
 * - passwordReset: they just chose a new password.
 */
export type SignInNotice =
  'signedOut' | 'signedOutEverywhere' | 'idle' | 'expired' | 'ended' | 'passwordReset';

/**
 * What other pages hand to the sign-in page. The intended path travels in history state,
 * never in the URL, so it cannot leak into logs, referrers or shared links.
 */
export interface SignInState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
  notice?: SignInNotice;
  idleMinutes?: number;
  /** Fills in the username field (after registering, the new username). */
  username?: string;
}

const NOTICES: readonly SignInNotice[] = [
  'signedOut',
  'signedOutEverywhere',
  'idle',
  'expired',
  'ended',
  'passwordReset',
];

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The in-app path to return to after sign-in; anything odd is ignored. */
export function intendedPath(state: unknown, signInPath: string): string | undefined {
  const from = asRecord(asRecord(state)?.['from']);
  const pathname = from?.['pathname'];
  // Only same-app absolute paths: '//host' would be read as another site.
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//')) {
    return undefined;
  }
  if (pathname === signInPath) {
    return undefined;
  }
  const search = typeof from?.['search'] === 'string' ? from['search'] : '';
  const hash = typeof from?.['hash'] === 'string' ? from['hash'] : '';
  return `${pathname}${search}${hash}`;
}

/** The notice to show on the sign-in page, if the state carries a known one. */
export function signInNotice(state: unknown): SignInNotice | undefined {
  const notice = asRecord(state)?.['notice'];
  return NOTICES.find((known) => known === notice);
}

/** After how many minutes without activity the idle timer signed the person out. */
export function idleMinutes(state: unknown): number | undefined {
  const minutes = asRecord(state)?.['idleMinutes'];
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0
    ? Math.round(minutes)
    : undefined;
}

/** The username to fill in on the sign-in page, if the state carries one. */
export function signInUsername(state: unknown): string | undefined {
  const username = asRecord(state)?.['username'];
  return typeof username === 'string' && username.length <= 64 ? username : undefined;
}
