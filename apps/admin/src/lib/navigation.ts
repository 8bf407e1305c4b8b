import type { SignInNotice } from '@portal/auth-ui';

export const SIGN_IN_PATH = '/sign-in';
export const FORGOT_PASSWORD_PATH = '/forgot-password';
export const FORGOT_USERNAME_PATH = '/forgot-username';
/** Emailed links land here with `?token=`; the token is taken out of the address at once. */
export const RESET_PASSWORD_PATH = '/reset-password';
export const UNLOCK_PATH = '/unlock';
export const ACCOUNT_PATH = '/account';
export const ACCOUNT_SESSIONS_PATH = '/account/sessions';
export const ACCOUNT_ACCESS_LOG_PATH = '/account/access-log';
/** Where the invitation email links to; its `?token=` is taken out of the address at once. */
export const REGISTER_PATH = '/register';

export type { SignInNotice, SignInState } from '@portal/auth-ui';

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
