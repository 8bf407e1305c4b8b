import { SignOutButton } from '@portal/auth-ui';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Frame } from '../layout/Frame';

/** Patient accounts are signed in but have nothing to do here; say where to go instead. */
export function WrongAccountPage() {
  const { t } = useTranslation();
  return (
    <Frame account={<SignOutButton />}>
      <Page title={t('wrongAccount.title')}>
        <p>{t('wrongAccount.body')}</p>
        <p>
          {/* The patient app is a separate SPA at the site root: a full page load. */}
          <a href="/">{t('wrongAccount.patientLink')}</a>
        </p>
      </Page>
    </Frame>
  );
}
