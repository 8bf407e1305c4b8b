import '../registration.css';
import { isApiError } from '@portal/api-client';
import { Alert, Button, LoadingState, Skeleton } from '@portal/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { useLinkToken } from '@portal/auth-ui';
import { useRegistrationInvitation, type IdentityVerified } from '../api';
import { AccountStep } from '../components/AccountStep';
import { DoneStep } from '../components/DoneStep';
import { IdentityStep } from '../components/IdentityStep';
import { StoppedPage } from '../components/StoppedPage';
import { stopReason, type StopReason } from '../utils/registration-errors';
import {
  clearProgress,
  loadProgress,
  saveProgress,
  stillValid,
  type SavedProgress,
} from '../utils/saved-progress';

type Step =
  | { kind: 'identity'; restarted: boolean }
  | { kind: 'account'; verified: IdentityVerified }
  | { kind: 'done'; username: string }
  | { kind: 'stopped'; reason: StopReason };

/**
 * /register#token=… — where the invitation email's link lands. The token rides in the fragment,
 * which the browser never sends to the server; it is read once and taken out of the address bar
 * at once (useLinkToken), then sent in request bodies and a header only. It never appears in a
 * title or in history. The three steps replace each other on this one address; where the
 * patient has got to is kept for this tab (utils/saved-progress.ts), so a reload or coming back
 * from the email app keeps the step.
 */
export function RegisterPage() {
  const linkToken = useLinkToken();
  const [progress] = useState(() => loadProgress(linkToken));
  if (!progress) {
    return <StoppedPage reason="missing" />;
  }
  return <Registration progress={progress} />;
}

function Registration({ progress }: { progress: SavedProgress }) {
  const { t } = useTranslation();
  const { token } = progress;
  const invitation = useRegistrationInvitation(token);
  const [step, setStep] = useState<Step>(() =>
    progress.verified && stillValid(progress.verified)
      ? { kind: 'account', verified: progress.verified }
      : { kind: 'identity', restarted: false },
  );
  const [emailCode, setEmailCode] = useState(() =>
    stillValid(progress.emailCode?.info) ? progress.emailCode : undefined,
  );
  const [username, setUsername] = useState('');
  const stop = (reason: StopReason) => setStep({ kind: 'stopped', reason });

  const verified = step.kind === 'account' ? step.verified : undefined;
  const ended = step.kind === 'done' || step.kind === 'stopped';
  useEffect(() => {
    if (ended) clearProgress();
    else saveProgress({ token, savedAt: Date.now(), emailCode, verified });
  }, [ended, token, emailCode, verified]);

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
      emailCode={emailCode}
      onEmailCodeSent={setEmailCode}
      onVerified={(verified) => setStep({ kind: 'account', verified })}
      onStopped={stop}
    />
  );
}
