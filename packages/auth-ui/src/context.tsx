import type { ApiClient, Session } from '@portal/api-client';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';

/** What differs between the apps that use these components; each app sets it up once. */
export interface AuthUiConfig {
  /** The app's one API client. */
  api: ApiClient;
  /** The query that holds the signed-in session (set and refreshed after signing in). */
  sessionQueryKey: QueryKey;
  /** Drops every cached query except the session (after signing out everywhere). */
  forgetPrivateData: (client: QueryClient) => void;
  /** Where "reset your password" links go. */
  forgotPasswordPath: string;
  /** A hook: the signed-in user (called only on signed-in pages). */
  useCurrentUser: () => Session['user'];
  /** A hook: formats an ISO date the app's way (its formatting locale, the device's time zone). */
  useFormatDate: () => (iso: string) => string;
  /** A hook: formats an ISO date and time the same way. */
  useFormatDateTime: () => (iso: string) => string;
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
