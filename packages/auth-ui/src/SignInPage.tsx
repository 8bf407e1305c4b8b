import type { LoginSecondFactorRequired } from '@portal/api-client';
import { Alert, ErrorSummary, LinkList } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuthUi } from './context';
import { SecondFactorForm } from './SecondFactorForm';
import {
  idleMinutes,
  intendedPath,
  signInNotice,
  signInUsername,
  type SignInNotice,
} from './sign-in-state';
import { SignInForm } from './SignInForm';
import { Page } from './Page';

type Step =
  | { kind: 'password'; returned: boolean; restartReason?: string }
  | { kind: 'code'; challenge: LoginSecondFactorRequired };

/**
 * Sign-in, in one or two steps on this one address. The second step (a verification code)
 * lives in memory only: nothing about it goes into the URL or history, and a reload starts over.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { useSession, signInPath, forgotPasswordPath, forgotUsernamePath } = useAuthUi();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const [step, setStep] = useState<Step>({ kind: 'password', returned: false });
  const [username, setUsername] = useState(() => signInUsername(location.state) ?? '');
  const destination = intendedPath(location.state, signInPath) ?? '/';
  const notice = signInNotice(location.state);

  // Already signed in (or just signed in): nothing to do here. Right after signing out the
  // cached session is cleared a moment after this page shows, so it is not a reason to leave.
  if (session.data && !notice) {
    return <Navigate to={destination} replace />;
  }

  const goOn = () => void navigate(destination, { replace: true });

  if (step.kind === 'code') {
    return (
      <Page key="code" title={t('verify.title')} autoFocus>
        <SecondFactorForm
          challenge={step.challenge}
          onVerified={goOn}
          onSignInAgain={(detail) =>
            setStep({ kind: 'password', returned: true, restartReason: detail })
          }
          onStartOver={() => setStep({ kind: 'password', returned: true })}
        />
      </Page>
    );
  }

  const redirected = intendedPath(location.state, signInPath) !== undefined;

  return (
    // Coming back from the code step moves focus to the heading, or to the explanation below.
    <Page
      key="password"
      title={t('signIn.title')}
      autoFocus={step.returned ? !step.restartReason : undefined}
    >
      {step.restartReason ? (
        <ErrorSummary
          title={t('verify.again.title')}
          errors={[]}
          description={<p>{step.restartReason}</p>}
        />
      ) : notice ? (
        <NoticeAlert notice={notice} minutes={idleMinutes(location.state)} />
      ) : redirected ? (
        <Alert tone="info" announce={false}>
          {t('signIn.continue')}
        </Alert>
      ) : null}
      <p>{t('signIn.intro')}</p>
      <SignInForm
        initialUsername={username}
        onSignedIn={goOn}
        onSecondFactor={(challenge, name) => {
          setUsername(name);
          setStep({ kind: 'code', challenge });
        }}
      />
      <LinkList>
        <Link to={forgotUsernamePath}>{t('signIn.forgotUsername')}</Link>
        <Link to={forgotPasswordPath}>{t('signIn.forgotPassword')}</Link>
      </LinkList>
      <p className="sign-in__help">{t('signIn.help')}</p>
    </Page>
  );
}

function NoticeAlert({ notice, minutes }: { notice: SignInNotice; minutes?: number }) {
  const { t } = useTranslation();
  switch (notice) {
    case 'signedOut':
      return <Alert tone="success">{t('signIn.notices.signedOut')}</Alert>;
    case 'signedOutEverywhere':
      return <Alert tone="success">{t('signIn.notices.signedOutEverywhere')}</Alert>;
    case 'passwordReset':
      return <Alert tone="success">{t('signIn.notices.passwordReset')}</Alert>;
    case 'idle':
      return (
        <Alert tone="warning">
          {minutes ? t('signIn.notices.idle', { count: minutes }) : t('signIn.notices.idleUnknown')}
        </Alert>
      );
    case 'expired':
      return <Alert tone="warning">{t('signIn.notices.expired')}</Alert>;
    case 'ended':
      return <Alert tone="warning">{t('signIn.notices.ended')}</Alert>;
  }
}
