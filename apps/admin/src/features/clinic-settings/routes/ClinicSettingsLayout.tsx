import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { FlashAlert } from '../../../components/FlashAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import {
  CLINIC_CARE_POOLS_PATH,
  CLINIC_LOCATIONS_PATH,
  CLINIC_MESSAGE_ROUTING_PATH,
  CLINIC_PROVIDERS_PATH,
  CLINIC_REPLY_TEMPLATES_PATH,
  CLINIC_VISIT_TYPES_PATH,
} from '../utils/paths';

/**
 * Clinic settings: one tab each for locations, providers and visit types, and, for those who
 * manage messaging, care-team pools, message routing and reply templates.
 */
export function ClinicSettingsLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const messaging = useCanUse('messagingSettings');
  const tabs = [
    { to: CLINIC_LOCATIONS_PATH, label: t('clinicSettings.tabs.locations') },
    { to: CLINIC_PROVIDERS_PATH, label: t('clinicSettings.tabs.providers') },
    { to: CLINIC_VISIT_TYPES_PATH, label: t('clinicSettings.tabs.visitTypes') },
    ...(messaging
      ? [
          { to: CLINIC_CARE_POOLS_PATH, label: t('clinicSettings.tabs.carePools') },
          { to: CLINIC_MESSAGE_ROUTING_PATH, label: t('clinicSettings.tabs.routing') },
          { to: CLINIC_REPLY_TEMPLATES_PATH, label: t('clinicSettings.tabs.replyTemplates') },
        ]
      : []),
  ];
  return (
    <Page title={t('clinicSettings.title')}>
      <p>{t('clinicSettings.intro')}</p>
      {messaging ? <p>{t('clinicSettings.messagingIntro')}</p> : null}
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
