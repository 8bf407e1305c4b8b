import { SignOutButton } from '@portal/auth-ui';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useCurrentSession } from '../../lib/session';
import { AppNav } from './AppNav';
import { Frame } from './Frame';

/**
 * The signed-in frame: who is signed in, a sign-out button that is always on screen, and the
 * menu.
 */
export function AppShell() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();

  return (
    <Frame
      linkHome
      account={
        <>
          <span className="app-user__name">
            {t('header.signedInAs', { name: user.displayName })}
          </span>
          <SignOutButton />
        </>
      }
      nav={<AppNav />}
    >
      <Outlet />
    </Frame>
  );
}
