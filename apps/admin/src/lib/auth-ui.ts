import type { AuthUiConfig } from '@portal/auth-ui';
import type { SessionUser } from '@portal/api-client';
import { api } from './api';
import { deviceTimeZone, formatDate, formatDateTime } from './format';
import { useFormatLocale } from './i18n';
import { FORGOT_PASSWORD_PATH } from './navigation';
import { forgetPrivateData, sessionQueryKey, useCurrentSession } from './session';

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

/** What the shared sign-in and account components (@portal/auth-ui) need from this app. */
export const authUiConfig: AuthUiConfig = {
  api,
  sessionQueryKey,
  forgetPrivateData,
  forgotPasswordPath: FORGOT_PASSWORD_PATH,
  useCurrentUser,
  useFormatDate,
  useFormatDateTime,
};
