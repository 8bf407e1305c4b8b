import type { Location } from 'react-router';

export const SIGN_IN_PATH = '/sign-in';

/**
 * What the route guard hands to the sign-in page. The intended path travels in history state,
 * never in the URL, so it cannot leak into logs, referrers or shared links.
 */
export interface SignInState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
  signedOut?: boolean;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The in-app path to return to after sign-in; anything odd is ignored. */
export function intendedPath(state: unknown): string | undefined {
  const from = asRecord(asRecord(state)?.['from']);
  const pathname = from?.['pathname'];
  // Only same-app absolute paths: '//host' would be read as another site.
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//')) {
    return undefined;
  }
  if (pathname === SIGN_IN_PATH) {
    return undefined;
  }
  const search = typeof from?.['search'] === 'string' ? from['search'] : '';
  const hash = typeof from?.['hash'] === 'string' ? from['hash'] : '';
  return `${pathname}${search}${hash}`;
}

export function cameFromSignOut(state: unknown): boolean {
  return asRecord(state)?.['signedOut'] === true;
}
