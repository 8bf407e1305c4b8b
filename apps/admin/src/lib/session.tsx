import { isApiError, type Session } from '@portal/api-client';
import { updateClockOffset } from '@portal/auth-ui';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api } from './api';

/**
 * GET /api/v1/auth/session (operationId getSession).
 * Shared by the app shell, the route guard and every feature that needs to know who is signed
 * in, so it lives in lib/ rather than inside one feature.
 */
export const sessionQueryKey = ['session'] as const;

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    // Signed out is an answer, not a failure: the API says so with 204 and no body (so the
    // browser logs no failed request); a 401 here means the same.
    queryFn: async (): Promise<Session | null> => {
      try {
        const { data, response } = await api.GET('/api/v1/auth/session');
        // The session's times are the server's; learn how far this device's clock is off.
        updateClockOffset(response.headers.get('Date'));
        return data ?? null; // 204: nobody is signed in
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    // Coming back to the tab re-checks the session, so an idle logoff shows straight away.
    refetchOnWindowFocus: 'always',
  });
}

/** Records that nobody is signed in any more (after sign-out, or when any call answers 401). */
export function markSignedOut(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionQueryKey, null);
}

/**
 * Drops every cached answer except the session itself, so nothing from a session stays in
 * memory on a shared device. The session is cleared separately (markSignedOut), once the
 * signed-in pages are gone, so the route guard does not redirect first.
 */
export function forgetPrivateData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

const CurrentSessionContext = createContext<Session | null>(null);

/** Set by the route guard for everything it lets through. */
export const CurrentSessionProvider = CurrentSessionContext.Provider;

/** The signed-in session; only usable below the route guard. */
export function useCurrentSession(): Session {
  const session = useContext(CurrentSessionContext);
  if (!session) {
    throw new Error('useCurrentSession is only available below the session guard');
  }
  return session;
}
