import { SessionsManager } from '@portal/auth-ui';
import { TwoColumn } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { AccountNav } from '../components/AccountNav';

/** Where this account is signed in; end one device, or all of them. Beside the account's pages. */
export function SessionsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.sessions.title')}>
      <TwoColumn summary={<AccountNav />}>
        <SessionsManager />
      </TwoColumn>
    </Page>
  );
}
