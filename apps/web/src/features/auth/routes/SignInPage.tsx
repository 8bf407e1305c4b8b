import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { cameFromSignOut, intendedPath } from '../../../lib/navigation';
import { useSession } from '../../../lib/session';
import { SignInForm } from '../components/SignInForm';

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const destination = intendedPath(location.state) ?? '/';

  const signedOut = cameFromSignOut(location.state);

  // Already signed in (or just signed in): nothing to do here. Right after signing out the
  // cached session is cleared a moment after this page shows, so it is not a reason to leave.
  if (session.data && !signedOut) {
    return <Navigate to={destination} replace />;
  }

  const redirected = intendedPath(location.state) !== undefined;

  return (
    <Page title={t('signIn.title')}>
      {signedOut ? <Alert tone="success">{t('signIn.signedOut')}</Alert> : null}
      {redirected ? (
        <Alert tone="info" announce={false}>
          {t('signIn.continue')}
        </Alert>
      ) : null}
      <p>{t('signIn.intro')}</p>
      <SignInForm onSignedIn={() => void navigate(destination, { replace: true })} />
      <p className="sign-in__help">{t('signIn.help')}</p>
    </Page>
  );
}
