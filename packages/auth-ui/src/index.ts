export { Confirmation, type ConfirmationProps } from './Confirmation';
export {
  checkNewPassword,
  NewPasswordFields,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type NewPasswordErrors,
  type NewPasswordFieldsProps,
} from './NewPasswordFields';
export {
  isSixDigitCode,
  normalizeNumericCode,
  OneTimeCodeField,
  type OneTimeCodeFieldProps,
} from './OneTimeCodeField';
export { RecoveryCodesView, type RecoveryCodesViewProps } from './RecoveryCodesView';
export { PasswordConfirmForm, type PasswordConfirmFormProps } from './PasswordConfirmForm';
export { AuthUiProvider, useAuthUi, type AuthUiConfig } from './context';
export { SecondFactorForm, type SecondFactorFormProps } from './SecondFactorForm';
export { SignInForm, type SignInFormProps } from './SignInForm';
export {
  accountQueryKey,
  securitySettingsQueryKey,
  securitySettingsQueryOptions,
  useSecuritySettings,
  type SecuritySettings,
} from './api/security-settings';
export {
  startTotpSetupMutationOptions,
  useStartTotpSetup,
  type TotpSetup,
} from './api/start-totp-setup';
export { ChangePasswordSection } from './ChangePasswordSection';
export { SecondFactorSection, type SecondFactorSectionProps } from './SecondFactorSection';
export { groupSecret, TotpSetupSteps, type TotpSetupStepsProps } from './TotpSetupSteps';
export { endMySessionMutationOptions, useEndMySession } from './api/end-my-session';
export { logoutEverywhereMutationOptions, useLogoutEverywhere } from './api/logout-everywhere';
export {
  mySessionsQueryKey,
  mySessionsQueryOptions,
  useMySessions,
  type ActiveSession,
} from './api/my-sessions';
export { isAlreadyEnded, SessionList, useDeviceName, type SessionListProps } from './SessionList';
export { describeUserAgent } from './user-agent';
export {
  clearActivity,
  clockOffset,
  lastActivity,
  recordActivity,
  sessionTiming,
  subscribeActivity,
  updateClockOffset,
  type SessionTiming,
} from './activity';
export { IDLE_WARNING_MS, IdleTimeout } from './IdleTimeout';
export { logoutMutationOptions, useLogout } from './api/logout';
export {
  idleMinutes,
  intendedPath,
  signInNotice,
  signInUsername,
  type SignInNotice,
  type SignInState,
} from './sign-in-state';
export { SignInPage } from './SignInPage';
export { SessionsManager } from './SessionsManager';
export { SecurityPage, type SecurityPageProps } from './SecurityPage';
export { useLinkToken } from './link-token';
export { ForgotPasswordPage } from './ForgotPasswordPage';
export { ForgotUsernamePage } from './ForgotUsernamePage';
export { ResetPasswordPage } from './ResetPasswordPage';
export { UnlockPage } from './UnlockPage';
export { SignOutButton } from './SignOutButton';
export { Page, type PageProps } from './Page';
export { saveFile } from './download';
