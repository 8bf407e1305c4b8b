import { SignOutButton } from '@portal/auth-ui';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Frame } from '../layout/Frame';

/** Staff accounts are signed in but have nothing to do here; say where to go instead. */
export function WrongAccountPage() {
  const { t } = useTranslation();
  return (
    <Frame account={<SignOutButton />}>
      <Page title={t('wrongAccount.title')}>
        <p>{t('wrongAccount.body')}</p>
        <p>
          {/* The staff app is a separate SPA, so a full page load, not a router link. */}
          <a href="/admin/">{t('wrongAccount.staffLink')}</a>
        </p>
      </Page>
    </Frame>
  );
}
