import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ACCOUNT_PATH, ACCOUNT_SESSIONS_PATH } from '../../../lib/navigation';

/** The pages of the account section; the current one is marked by more than colour. */
export function AccountNav() {
  const { t } = useTranslation();
  return (
    <nav className="account-nav" aria-label={t('account.navLabel')}>
      <ul className="app-nav__list">
        <li>
          <NavLink to={ACCOUNT_PATH} end className="app-nav__link">
            {t('account.security.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to={ACCOUNT_SESSIONS_PATH} end className="app-nav__link">
            {t('account.sessions.title')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
