import { Alert, Button, LoadingState, Skeleton, TwoColumn } from '@portal/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecuritySettings } from './api/security-settings';
import { useStartTotpSetup, type TotpSetup } from './api/start-totp-setup';
import { ChangePasswordSection } from './ChangePasswordSection';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';
import { RecoveryCodesView } from './RecoveryCodesView';
import { SecondFactorSection } from './SecondFactorSection';
import { TotpSetupSteps } from './TotpSetupSteps';
import { Page } from './Page';

type Done = 'totpOn' | 'emailOn' | 'off' | 'codesReplaced';

type Mode =
  | { kind: 'overview'; done?: Done }
  // round: each new key is a fresh set-up page, its heading focused and no error left over.
  | { kind: 'totp'; setup: TotpSetup; round: number }
  | { kind: 'codes'; codes: string[]; after: 'totpOn' | 'codesReplaced' };

export interface SecurityPageProps {
  /** The app's account navigation, shown on the overview beside the sections when wide. */
  nav?: ReactNode;
}

/**
 * Password and the second sign-in step. Setting up an authenticator app and showing recovery
 * codes are steps on this same address (kept in memory: the secret and the codes never go
 * into the URL or history).
 */
export function SecurityPage({ nav }: SecurityPageProps) {
  const { t } = useTranslation();
  const { useCurrentUser } = useAuthUi();
  const user = useCurrentUser();
  const settings = useSecuritySettings();
  const startTotp = useStartTotpSetup();
  const [mode, setMode] = useState<Mode>({ kind: 'overview' });

  /** The password confirms it; a refusal rejects, for the password form to show. */
  const setUpApp = async (password: string) => {
    const setup = await startTotp.mutateAsync({ password });
    setMode((current) => ({
      kind: 'totp',
      setup,
      round: current.kind === 'totp' ? current.round + 1 : 0,
    }));
  };

  if (mode.kind === 'totp') {
    return (
      <Page key={`totp-${mode.round}`} title={t('account.totp.title')} autoFocus>
        <TotpSetupSteps
          setup={mode.setup}
          username={user.username}
          onConfirmed={(codes) => setMode({ kind: 'codes', codes, after: 'totpOn' })}
          onRestart={setUpApp}
          onCancel={() => setMode({ kind: 'overview' })}
        />
      </Page>
    );
  }

  if (mode.kind === 'codes') {
    return (
      <Page key="codes" title={t('account.recovery.pageTitle')} autoFocus>
        {mode.after === 'totpOn' ? <Alert tone="success">{t('account.done.totpOn')}</Alert> : null}
        <RecoveryCodesView
          codes={mode.codes}
          username={user.username}
          onDone={() => setMode({ kind: 'overview', done: mode.after })}
        />
      </Page>
    );
  }

  const overview = (
    <>
      {mode.done ? (
        <Confirmation key={mode.done}>
          <p>{t(`account.done.${mode.done}`)}</p>
        </Confirmation>
      ) : null}
      {settings.data ? (
        <>
          <ChangePasswordSection changedAt={settings.data.passwordChangedAt} />
          <SecondFactorSection
            settings={settings.data}
            onSetUpApp={setUpApp}
            onChanged={(done) => setMode({ kind: 'overview', done })}
            onNewCodes={(codes) => setMode({ kind: 'codes', codes, after: 'codesReplaced' })}
          />
        </>
      ) : settings.isError ? (
        <Alert tone="error" title={t('account.loadFailedTitle')}>
          <p>{t('account.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void settings.refetch()}>
            {t('common.tryAgain')}
          </Button>
        </Alert>
      ) : (
        <LoadingState label={t('account.loading')}>
          <Skeleton height="8rem" />
          <Skeleton height="12rem" />
        </LoadingState>
      )}
    </>
  );

  return (
    // Back from a step: the confirmation takes focus, or else the heading does.
    <Page
      key="overview"
      title={t('account.security.title')}
      autoFocus={mode.done ? false : undefined}
    >
      {nav ? <TwoColumn summary={nav}>{overview}</TwoColumn> : overview}
    </Page>
  );
}
