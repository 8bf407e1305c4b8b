import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { FORGOT_PASSWORD_PATH, SIGN_IN_PATH } from '../../../lib/navigation';
import type { StopReason } from '../utils/registration-errors';

export interface StoppedPageProps {
  reason: StopReason;
}

/** Reasons where the patient already has an account: the way on is to sign in. */
const HAS_ACCOUNT: readonly StopReason[] = ['used', 'accountExists'];

/**
 * When the invitation cannot be used: what happened and what to do, in plain words, with no
 * error codes. Focus moves to the heading, since the page it replaces is gone.
 */
export function StoppedPage({ reason }: StoppedPageProps) {
  const { t } = useTranslation();
  const hasAccount = HAS_ACCOUNT.includes(reason);
  return (
    <Page title={t(`registration.stopped.${reason}.title`)} autoFocus>
      <Alert tone={hasAccount ? 'info' : 'warning'} announce={false}>
        <p>{t(`registration.stopped.${reason}.body`)}</p>
      </Alert>
      <h2>{t('registration.stopped.nextTitle')}</h2>
      <p>{t(`registration.stopped.${reason}.next`)}</p>
      <ul className="ui-link-list">
        <li>
          <Link to={SIGN_IN_PATH}>
            {hasAccount ? t('registration.stopped.signIn') : t('registration.stopped.haveAccount')}
          </Link>
        </li>
        {hasAccount ? (
          <li>
            <Link to={FORGOT_PASSWORD_PATH}>{t('registration.stopped.forgotPassword')}</Link>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}
