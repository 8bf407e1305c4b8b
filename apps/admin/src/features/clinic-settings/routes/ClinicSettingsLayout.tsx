import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { FlashAlert } from '../../../components/FlashAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import {
  CLINIC_LOCATIONS_PATH,
  CLINIC_PROVIDERS_PATH,
  CLINIC_VISIT_TYPES_PATH,
} from '../utils/paths';

/** Clinic settings: one tab each for locations, providers and visit types. */
export function ClinicSettingsLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tabs = [
    { to: CLINIC_LOCATIONS_PATH, label: t('clinicSettings.tabs.locations') },
    { to: CLINIC_PROVIDERS_PATH, label: t('clinicSettings.tabs.providers') },
    { to: CLINIC_VISIT_TYPES_PATH, label: t('clinicSettings.tabs.visitTypes') },
  ];
  return (
    <Page title={t('clinicSettings.title')}>
      <p>{t('clinicSettings.intro')}</p>
      <nav className="admin-tabs" aria-label={t('clinicSettings.tabs.label')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} aria-current={pathname === tab.to ? 'page' : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FlashAlert />
      <Outlet />
    </Page>
  );
}
