import { SessionsManager } from '@portal/auth-ui';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { AccountNav } from '../components/AccountNav';

/** Where this account is signed in; end one device, or all of them. */
export function SessionsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.sessions.title')}>
      <AccountNav />
      <SessionsManager />
    </Page>
  );
}
