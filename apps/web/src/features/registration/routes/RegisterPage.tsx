import '../registration.css';
import { isApiError } from '@portal/api-client';
import { Alert, Button, LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { useLinkToken } from '@portal/auth-ui';
import { useRegistrationInvitation, type IdentityVerified } from '../api';
import { AccountStep } from '../components/AccountStep';
import { DoneStep } from '../components/DoneStep';
import { IdentityStep } from '../components/IdentityStep';
import { StoppedPage } from '../components/StoppedPage';
import { stopReason, type StopReason } from '../utils/registration-errors';

type Step =
  | { kind: 'identity'; restarted: boolean }
  | { kind: 'account'; verified: IdentityVerified }
  | { kind: 'done'; username: string }
  | { kind: 'stopped'; reason: StopReason };

/**
 * /register#token=… — where the invitation email's link lands. The token rides in the fragment,
 * which the browser never sends to the server; it is read once, kept in memory and taken out of
 * the address bar at once (useLinkToken), then sent in request bodies only. It never appears in
 * a title, in history or in storage. The three steps replace each other on this one address, so a reload
 * or the back button leaves them; reopening the emailed link starts again.
 */
export function RegisterPage() {
  const token = useLinkToken();
  if (!token) {
    return <StoppedPage reason="missing" />;
  }
  return <Registration token={token} />;
}

function Registration({ token }: { token: string }) {
  const { t } = useTranslation();
  const invitation = useRegistrationInvitation(token);
  const [step, setStep] = useState<Step>({ kind: 'identity', restarted: false });
  const [username, setUsername] = useState('');
  const stop = (reason: StopReason) => setStep({ kind: 'stopped', reason });

  if (step.kind === 'stopped') {
    return <StoppedPage key="stopped" reason={step.reason} />;
  }
  if (step.kind === 'done') {
    return <DoneStep key="done" username={step.username} />;
  }
  if (step.kind === 'account') {
    return (
      <AccountStep
        key="account"
        verified={step.verified}
        username={username}
        onUsernameChange={setUsername}
        onCompleted={(name) => setStep({ kind: 'done', username: name })}
        onRestart={() => setStep({ kind: 'identity', restarted: true })}
        onStopped={stop}
      />
    );
  }

  if (invitation.isError) {
    const { error } = invitation;
    // A token the API cannot even look up (400) is as unknown as one it does not find (404).
    const reason =
      stopReason(error) ??
      (isApiError(error) && (error.status === 400 || error.status === 404) ? 'invalid' : undefined);
    if (reason) {
      return <StoppedPage key="stopped" reason={reason} />;
    }
    return (
      <Page key="load-failed" title={t('registration.loadFailedTitle')}>
        <Alert tone="error">
          <p>{t('registration.loadFailed')}</p>
        </Alert>
        <Button
          variant="secondary"
          busy={invitation.isFetching}
          onClick={() => void invitation.refetch()}
        >
          {t('common.tryAgain')}
        </Button>
      </Page>
    );
  }

  if (!invitation.data) {
    return (
      <Page key="loading" title={t('registration.title')} autoFocus={false}>
        <LoadingState label={t('registration.loading')}>
          <Skeleton width="80%" />
          <Skeleton width="60%" />
          <Skeleton height="8rem" />
        </LoadingState>
      </Page>
    );
  }

  return (
    <IdentityStep
      // A new key after a restart moves focus to the heading again.
      key={step.restarted ? 'identity-again' : 'identity'}
      token={token}
      invitation={invitation.data}
      restarted={step.restarted}
      onVerified={(verified) => setStep({ kind: 'account', verified })}
      onStopped={stop}
    />
  );
}
