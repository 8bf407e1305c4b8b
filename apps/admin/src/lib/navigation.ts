import { intendedPath as readIntendedPath } from '@portal/auth-ui';

export const SIGN_IN_PATH = '/sign-in';
export const FORGOT_PASSWORD_PATH = '/forgot-password';
export const FORGOT_USERNAME_PATH = '/forgot-username';
/** Emailed links land here with `#token=`; the token is taken out of the address at once. */
export const RESET_PASSWORD_PATH = '/reset-password';
export const UNLOCK_PATH = '/unlock';
export const ACCOUNT_PATH = '/account';
export const ACCOUNT_SESSIONS_PATH = '/account/sessions';
export const ACCOUNT_ACCESS_LOG_PATH = '/account/access-log';
/** Where the invitation email links to; its `#token=` is taken out of the address at once. */
export const REGISTER_PATH = '/register';

export type { SignInNotice, SignInState } from '@portal/auth-ui';
export { idleMinutes, signInNotice, signInUsername } from '@portal/auth-ui';

/** The in-app path to return to after sign-in; anything odd is ignored. */
export function intendedPath(state: unknown): string | undefined {
  return readIntendedPath(state, SIGN_IN_PATH);
}
