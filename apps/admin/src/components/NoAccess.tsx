import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from './Page';

/** A whole page the signed-in role may not use (the menu does not offer it either). */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('sections.noAccess.title')}>
      <p>{t('sections.noAccess.body')}</p>
      <p>
        <Link to="/">{t('sections.homeLink')}</Link>
      </p>
    </Page>
  );
}

/** The same, for part of a page (a tab of the patient record) that has its own heading. */
export function NoAccessMessage() {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={t('sections.noAccess.title')}>
      <p>{t('sections.noAccess.body')}</p>
    </Alert>
  );
}
