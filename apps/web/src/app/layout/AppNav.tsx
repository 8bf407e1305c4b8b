import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import {
  ACCOUNT_PATH,
  APPOINTMENTS_PATH,
  HEALTH_RECORD_PATH,
  MESSAGES_PATH,
  MY_MEDICATIONS_PATH,
  RESULTS_PATH,
} from '../../lib/navigation';

/** The signed-in menu. A menu entry is added only once its section works. */
export function AppNav() {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="app-nav__list">
        <li>
          <NavLink to="/" end className="app-nav__link">
            {t('nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to={APPOINTMENTS_PATH} className="app-nav__link">
            {t('nav.appointments')}
          </NavLink>
        </li>
        <li>
          <NavLink to={RESULTS_PATH} className="app-nav__link">
            {t('nav.testResults')}
          </NavLink>
        </li>
        <li>
          <NavLink to={HEALTH_RECORD_PATH} className="app-nav__link">
            {t('nav.healthRecord')}
          </NavLink>
        </li>
        <li>
          <NavLink to={MY_MEDICATIONS_PATH} className="app-nav__link">
            {t('nav.medications')}
          </NavLink>
        </li>
        <li>
          <NavLink to={MESSAGES_PATH} className="app-nav__link">
            {t('nav.messages')}
          </NavLink>
        </li>
        <li>
          <NavLink to={ACCOUNT_PATH} className="app-nav__link">
            {t('nav.account')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
