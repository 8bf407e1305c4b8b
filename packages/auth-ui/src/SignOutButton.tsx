import { Alert, Button } from '@portal/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from './api/logout';
import { useAuthUi } from './context';
import type { SignInState } from './sign-in-state';

/** Ends the session on the server, then shows the sign-in page with a confirmation. */
export function SignOutButton() {
  const { t } = useTranslation();
  const { signInPath, markSignedOut } = useAuthUi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();

  const signOut = async () => {
    try {
      await logout.mutateAsync();
    } catch {
      // The failure is shown below from logout.isError; the visitor is still signed in.
      return;
    }
    // Leave the signed-in pages first (flushSync: the guard is really unmounted when this
    // resolves), then forget the session. The other order would let the route guard redirect
    // on its own and lose the "you are signed out" confirmation.
    const state: SignInState = { notice: 'signedOut' };
    await navigate(signInPath, { replace: true, state, flushSync: true });
    markSignedOut(queryClient);
  };

  return (
    <>
      <Button variant="secondary" busy={logout.isPending} onClick={() => void signOut()}>
        {logout.isPending ? t('signOut.pending') : t('signOut.button')}
      </Button>
      {logout.isError ? <Alert tone="error">{t('signOut.failed')}</Alert> : null}
    </>
  );
}
