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
