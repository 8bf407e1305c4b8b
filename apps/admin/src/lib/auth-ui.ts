import type { SessionUser } from '@portal/api-client';
import type { AuthUiConfig } from '@portal/auth-ui';
import { deviceTimeZone, formatDate, formatDateTime, formatTime } from '@portal/ui';
import { api } from './api';
import { useFormatLocale } from './i18n';
import { FORGOT_PASSWORD_PATH, FORGOT_USERNAME_PATH, SIGN_IN_PATH } from './navigation';
import {
  forgetPrivateData,
  markSignedOut,
  sessionQueryKey,
  useCurrentSession,
  useSession,
} from './session';

function useCurrentUser(): SessionUser {
  return useCurrentSession().user;
}

function useFormatDate(): (iso: string) => string {
  const locale = useFormatLocale();
  return (iso) => formatDate(iso, deviceTimeZone(), locale);
}

function useFormatDateTime(): (iso: string) => string {
  const locale = useFormatLocale();
  return (iso) => formatDateTime(iso, deviceTimeZone(), locale);
}

function useFormatTime(): (iso: string) => string {
  const locale = useFormatLocale();
  return (iso) => formatTime(iso, deviceTimeZone(), locale);
}

/** What the shared sign-in and account components (@portal/auth-ui) need from this app. */
export const authUiConfig: AuthUiConfig = {
  api,
  sessionQueryKey,
  forgetPrivateData,
  markSignedOut,
  signInPath: SIGN_IN_PATH,
  forgotPasswordPath: FORGOT_PASSWORD_PATH,
  forgotUsernamePath: FORGOT_USERNAME_PATH,
  useSession,
  useCurrentSession,
  useCurrentUser,
  useFormatDate,
  useFormatDateTime,
  useFormatTime,
};
