import type { Session } from '@portal/api-client';
import { sessionTiming } from '@portal/auth-ui';
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loadMessages } from '../../lib/i18n';
import { SIGN_IN_PATH, type SignInState } from '../../lib/navigation';
import { CurrentSessionProvider, useSession } from '../../lib/session';
import { AppShell } from '../layout/AppShell';
import { ShellSkeleton } from '../layout/ShellSkeleton';
import { loadSignInPage } from '../lazy-pages';
import { WrongAccountPage } from '../routes/WrongAccountPage';

/**
 * The idle logoff (its timer, its warning dialog and their words) arrives just after the page:
 * nothing of it shows before the warning, a minute before the session ends, and it reads the
 * time of the last activity from where every signed-in call records it. Should its download
 * fail, the page stays (the server still ends an idle session; the next call then answers
 * 401 and this guard shows sign-in), and the next signed-in render tries again.
 */
function lazyIdleTimeout() {
  return lazy<ComponentType>(async () => {
    try {
      const [{ IdleTimeout: Component }] = await Promise.all([
        import('./idle-timeout'),
        loadMessages('idle'),
      ]);
      return { default: Component };
    } catch {
      IdleTimeout = lazyIdleTimeout();
      return { default: () => null };
    }
  });
}
let IdleTimeout = lazyIdleTimeout();

/**
 * Leeway for "the session ran out" versus "it was ended some other way": the server's idle
 * limit can run up to 30 s ahead of ours (it records activity at most every 30 s).
 */
const TIMING_LEEWAY_MS = 35_000;

/**
 * Lets signed-in patients through to the app shell. Signed-out visitors go to sign-in, with
 * the page they wanted kept in history state so they land there afterwards. When a session
 * that was open here stops working (any call answered 401), the sign-in page says why: it ran
 * out of time, or it was ended elsewhere.
 */
export function RequireSession() {
  const session = useSession();
  const { pathname, search, hash } = useLocation();
  const last = useRef<{ session: Session; receivedAt: number } | null>(null);

  useEffect(() => {
    if (session.data) {
      last.current = { session: session.data, receivedAt: session.dataUpdatedAt };
    }
  }, [session.data, session.dataUpdatedAt]);

  const signedIn = Boolean(session.data);
  useEffect(() => {
    if (signedIn) {
      // Where signing out (or the idle logoff) goes: fetched now, so it opens without a wait.
      void loadSignInPage().catch(() => undefined);
    }
  }, [signedIn]);

  if (session.data === undefined) {
    if (session.isError) {
      // Shown by the route error page; a failed background re-check keeps the old data instead.
      throw session.error;
    }
    return <ShellSkeleton />;
  }

  if (session.data === null) {
    const state: SignInState = { from: { pathname, search, hash } };
    const previous = last.current;
    if (previous) {
      const timing = sessionTiming(previous.session, previous.receivedAt);
      if (Date.now() + TIMING_LEEWAY_MS < timing.endsAt) {
        state.notice = 'ended';
      } else if (timing.reason === 'idle') {
        state.notice = 'idle';
        state.idleMinutes = Math.round(timing.idleWindowMs / 60_000);
      } else {
        state.notice = 'expired';
      }
    }
    return <Navigate to={SIGN_IN_PATH} replace state={state} />;
  }

  return (
    <CurrentSessionProvider value={session.data}>
      <Suspense fallback={null}>
        <IdleTimeout />
      </Suspense>
      {session.data.user.kind === 'patient' ? <AppShell /> : <WrongAccountPage />}
    </CurrentSessionProvider>
  );
}
