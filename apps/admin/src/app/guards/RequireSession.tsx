import { Navigate, useLocation } from 'react-router';
import { SIGN_IN_PATH, type SignInState } from '../../lib/navigation';
import { CurrentSessionProvider, useSession } from '../../lib/session';
import { AppShell } from '../layout/AppShell';
import { ShellSkeleton } from '../layout/ShellSkeleton';
import { WrongAccountPage } from '../routes/WrongAccountPage';

/**
 * Lets signed-in staff through to the app shell. Signed-out visitors go to sign-in, with
 * the page they wanted kept in history state so they land there afterwards.
 */
export function RequireSession() {
  const session = useSession();
  const { pathname, search, hash } = useLocation();

  if (session.data === undefined) {
    if (session.isError) {
      // Shown by the route error page; a failed background re-check keeps the old data instead.
      throw session.error;
    }
    return <ShellSkeleton />;
  }

  if (session.data === null) {
    const state: SignInState = { from: { pathname, search, hash } };
    return <Navigate to={SIGN_IN_PATH} replace state={state} />;
  }

  return (
    <CurrentSessionProvider value={session.data}>
      {session.data.user.kind === 'staff' ? <AppShell /> : <WrongAccountPage />}
    </CurrentSessionProvider>
  );
}
