import { Button } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Frame } from '../layout/Frame';

/** What a page shows when it failed to render: no codes or stack traces, just what to do. */
export function ErrorContent() {
  const { t } = useTranslation();
  return (
    <Page title={t('error.title')}>
      <p>{t('error.body')}</p>
      <p>
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </Button>
      </p>
      <p>
        <Link to="/">{t('error.homeLink')}</Link>
      </p>
    </Page>
  );
}

/** Error inside the signed-in shell: the header and sign-out button stay usable. */
export function ErrorPage() {
  return <ErrorContent />;
}

/** Error outside any layout (the shell itself failed): brings its own frame. */
export function RootErrorPage() {
  return (
    <Frame>
      <ErrorContent />
    </Frame>
  );
}
