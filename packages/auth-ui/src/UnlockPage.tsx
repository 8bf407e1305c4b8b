import { isApiError } from '@portal/api-client';
import { Alert, Button, LinkList } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnlockSignIn } from './api/unlock-sign-in';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';
import { useLinkToken } from './link-token';
import { Page } from './Page';

/**
 * Where the emailed unlock link lands. Unlocking waits for a press of the button, so a mail
 * scanner opening the link does not use it up.
 */
export function UnlockPage() {
  const { t } = useTranslation();
  const { forgotPasswordPath, signInPath } = useAuthUi();
  const token = useLinkToken();
  const unlock = useUnlockSignIn();
  const [outcome, setOutcome] = useState<'done' | 'dead' | 'failed' | null>(null);

  const run = async () => {
    if (!token || unlock.isPending) {
      return;
    }
    setOutcome(null);
    try {
      await unlock.mutateAsync({ token });
      setOutcome('done');
    } catch (error) {
      setOutcome(isApiError(error) && error.status === 410 ? 'dead' : 'failed');
    }
  };

  const links = (
    <LinkList>
      <Link to={signInPath}>{t('unlock.signIn')}</Link>
      <Link to={forgotPasswordPath}>{t('signIn.forgotPassword')}</Link>
    </LinkList>
  );

  if (outcome === 'done') {
    return (
      <Page title={t('unlock.title')}>
        <Confirmation title={t('unlock.doneTitle')}>
          <p>{t('unlock.done')}</p>
        </Confirmation>
        <p>
          <Link to={signInPath}>{t('unlock.signIn')}</Link>
        </p>
      </Page>
    );
  }

  if (!token || outcome === 'dead') {
    return (
      <Page title={t('unlock.title')}>
        {token ? (
          <Confirmation tone="error" title={t('links.deadTitle')}>
            <p>{t('unlock.dead')}</p>
          </Confirmation>
        ) : (
          <Alert tone="error" title={t('links.missingTitle')}>
            <p>{t('links.missing')}</p>
          </Alert>
        )}
        {links}
      </Page>
    );
  }

  return (
    <Page title={t('unlock.title')}>
      {outcome === 'failed' ? <Alert tone="error">{t('common.errors.tryAgain')}</Alert> : null}
      <p>{t('unlock.intro')}</p>
      <div className="ui-actions">
        <Button busy={unlock.isPending} onClick={() => void run()}>
          {unlock.isPending ? t('unlock.pending') : t('unlock.submit')}
        </Button>
      </div>
      {links}
    </Page>
  );
}
