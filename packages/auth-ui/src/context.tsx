import type { ApiClient, Session } from '@portal/api-client';
import type { QueryClient, QueryKey, UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';

/** What differs between the apps that use these components; each app sets it up once. */
export interface AuthUiConfig {
  /** The app's one API client. */
  api: ApiClient;
  /** The query that holds the signed-in session (set and refreshed after signing in). */
  sessionQueryKey: QueryKey;
  /** Drops every cached query except the session (after signing out everywhere). */
  forgetPrivateData: (client: QueryClient) => void;
  /** Records that nobody is signed in any more (after signing out, once the signed-in pages are gone). */
  markSignedOut: (client: QueryClient) => void;
  /** The sign-in page (where signing out, and the idle logoff, lead). */
  signInPath: string;
  /** Where "reset your password" links go. */
  forgotPasswordPath: string;
  /** Where "forgot your username" links go. */
  forgotUsernamePath: string;
  /** A hook: the signed-in user (called only on signed-in pages). */
  useCurrentUser: () => Session['user'];
  /** A hook: the session query (its data, when it was last updated, and a refetch). */
  useSession: () => Pick<UseQueryResult<Session | null>, 'data' | 'dataUpdatedAt' | 'refetch'>;
  /** A hook: the signed-in session (called only on signed-in pages). */
  useCurrentSession: () => Session;
  /** A hook: formats an ISO date the app's way (its formatting locale, the device's time zone). */
  useFormatDate: () => (iso: string) => string;
  /** A hook: formats an ISO date and time the same way. */
  useFormatDateTime: () => (iso: string) => string;
  /** A hook: formats the time of day of an ISO date the same way. */
  useFormatTime: () => (iso: string) => string;
}

const AuthUiContext = createContext<AuthUiConfig | null>(null);

export function AuthUiProvider({ value, children }: { value: AuthUiConfig; children: ReactNode }) {
  return <AuthUiContext.Provider value={value}>{children}</AuthUiContext.Provider>;
}

export function useAuthUi(): AuthUiConfig {
  const config = useContext(AuthUiContext);
  if (!config) {
    throw new Error('useAuthUi needs an <AuthUiProvider> above it');
  }
  return config;
}
