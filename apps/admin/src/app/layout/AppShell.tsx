import { SignOutButton } from '@portal/auth-ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { ACCOUNT_PATH } from '../../lib/navigation';
import { useCurrentSession } from '../../lib/session';
import { Frame } from './Frame';
import { SectionNavItems } from './SectionNav';

/**
 * The signed-in frame: who is signed in (with a link to their own account), a sign-out
 * button that is always on screen, and the menu. A menu entry is added only once its section
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
          <Link to={ACCOUNT_PATH} className="app-user__link">
            {t('header.myAccount')}
          </Link>
          <SignOutButton />
        </>
      }
      nav={
        <nav className="app-nav" aria-label={t('nav.label')}>
          <div className="app-container">
            <ul className="app-nav__list">
              <li>
                <NavLink to="/" end className="app-nav__link">
                  {t('nav.home')}
                </NavLink>
              </li>
              <SectionNavItems />
              <li>
                <NavLink to={ACCOUNT_PATH} className="app-nav__link">
                  {t('nav.account')}
                </NavLink>
              </li>
            </ul>
          </div>
        </nav>
      }
    >
      <Outlet />
    </Frame>
  );
}
