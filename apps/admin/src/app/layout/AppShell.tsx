import { SignOutButton } from '@portal/auth-ui';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ACCOUNT_PATH } from '../../lib/navigation';
import { useCurrentSession } from '../../lib/session';
import { Frame } from './Frame';
import { SectionNavItems } from './SectionNav';

/**
 * The signed-in frame: who is signed in, a sign-out button that is always on screen, and the
 * menu (their own account is its last entry). A menu entry is added only once its section
 * works.
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
      nav={
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul className="app-nav__list">
            <li>
              <NavLink to="/" end className="app-nav__link">
                {t('nav.home')}
              </NavLink>
            </li>
            <SectionNavItems />
            {/* The person's own account: once, last in the menu. */}
            <li>
              <NavLink to={ACCOUNT_PATH} className="app-nav__link">
                {t('nav.account')}
              </NavLink>
            </li>
          </ul>
        </nav>
      }
    >
      <Outlet />
    </Frame>
  );
}
