import { Alert, Button, LoadingState, Skeleton } from '@portal/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useEndMySession } from './api/end-my-session';
import { useLogoutEverywhere } from './api/logout-everywhere';
import { useMySessions, type ActiveSession } from './api/my-sessions';
import { Confirmation } from './Confirmation';
import { useAuthUi } from './context';
import { isAlreadyEnded, SessionList, useDeviceName } from './SessionList';
import type { SignInState } from './sign-in-state';

/**
 * The body of the account's sessions page: where this account is signed in; end one device, or
 * all of them. Each app puts it in its own page frame, below its account navigation.
 */
export function SessionsManager() {
  const { t } = useTranslation();
  const { signInPath, markSignedOut } = useAuthUi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useMySessions();
  const endSession = useEndMySession();
  const logoutEverywhere = useLogoutEverywhere();
  const deviceName = useDeviceName();
  const [ending, setEnding] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string; n: number }>();
  const [confirmAll, setConfirmAll] = useState(false);
  const [allFailed, setAllFailed] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const everywhereRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    // Focus follows the question: to "Yes" when asked, back to the button after Cancel.
    if (confirmAll) {
      asked.current = true;
      yesRef.current?.focus();
    } else if (asked.current) {
      everywhereRef.current?.focus();
    }
  }, [confirmAll]);

  const end = async (session: ActiveSession) => {
    if (ending) {
      return;
    }
    setEnding(session.id);
    const name = deviceName(session.userAgent);
    const n = (result?.n ?? 0) + 1;
    try {
      await endSession.mutateAsync(session.id);
      setResult({ tone: 'success', text: t('account.sessions.ended', { device: name }), n });
    } catch (error) {
      setResult(
        isAlreadyEnded(error)
          ? { tone: 'success', text: t('account.sessions.alreadyEnded', { device: name }), n }
          : { tone: 'error', text: t('account.sessions.endFailed', { device: name }), n },
      );
    } finally {
      setEnding(null);
    }
  };

  const signOutEverywhere = async () => {
    if (logoutEverywhere.isPending) {
      return;
    }
    setAllFailed(false);
    try {
      await logoutEverywhere.mutateAsync();
    } catch {
      setAllFailed(true);
      return;
    }
    // Leave the signed-in pages first, then forget the session (see SignOutButton).
    const state: SignInState = { notice: 'signedOutEverywhere' };
    await navigate(signInPath, { replace: true, state, flushSync: true });
    markSignedOut(queryClient);
  };

  return (
    <>
      <p>{t('account.sessions.intro')}</p>
      {result ? (
        <Confirmation key={result.n} tone={result.tone}>
          <p>{result.text}</p>
        </Confirmation>
      ) : null}
      {sessions.data ? (
        <SessionList sessions={sessions.data} ending={ending} onEnd={(s) => void end(s)} />
      ) : sessions.isError ? (
        <Alert tone="error" title={t('account.loadFailedTitle')}>
          <p>{t('account.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void sessions.refetch()}>
            {t('common.tryAgain')}
          </Button>
        </Alert>
      ) : (
        <LoadingState label={t('account.loading')}>
          <Skeleton height="9rem" />
          <Skeleton height="9rem" />
        </LoadingState>
      )}
      <section className="ui-card" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t('account.sessions.everywhereTitle')}</h2>
        <p>{t('account.sessions.everywhereIntro')}</p>
        {allFailed ? <Alert tone="error">{t('account.sessions.everywhereFailed')}</Alert> : null}
        {confirmAll ? (
          <div role="group" aria-labelledby="everywhere-confirm">
            <p id="everywhere-confirm">
              <strong>{t('account.sessions.everywhereConfirm')}</strong>
            </p>
            <div className="ui-actions">
              <Button
                busy={logoutEverywhere.isPending}
                onClick={() => void signOutEverywhere()}
                ref={yesRef}
              >
                {logoutEverywhere.isPending
                  ? t('signOut.pending')
                  : t('account.sessions.everywhereYes')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmAll(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button ref={everywhereRef} variant="secondary" onClick={() => setConfirmAll(true)}>
            {t('account.sessions.everywhere')}
          </Button>
        )}
      </section>
    </>
  );
}
