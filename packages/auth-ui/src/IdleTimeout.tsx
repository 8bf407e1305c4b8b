import { Button, Dialog } from '@portal/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { lastActivity, sessionTiming, subscribeActivity } from './activity';
import { useLogout } from './api/logout';
import { useAuthUi } from './context';
import type { SignInNotice, SignInState } from './sign-in-state';

/** How long before the session ends the warning appears. */
export const IDLE_WARNING_MS = 60_000;

/**
 * Automatic logoff (HIPAA 164.312(a)(2)(iii)). The session's idleExpiresAt (moved on by every
 * signed-in call, in any tab) sets when it ends; a minute before, a dialog offers to stay
 * signed in, which asks the server for the session again (that counts as activity). When the
 * time runs out, the session is ended on the server, cached data is dropped and the sign-in
 * page says why. The timer is re-armed whenever the session query updates.
 */
export function IdleTimeout() {
  const { t } = useTranslation();
  const {
    signInPath,
    forgetPrivateData,
    markSignedOut,
    useSession,
    useCurrentSession,
    useFormatTime,
  } = useAuthUi();
  const formatTime = useFormatTime();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { mutateAsync: logout } = useLogout();
  const session = useSession();
  const current = useCurrentSession();
  const activityAt = useSyncExternalStore(subscribeActivity, lastActivity);
  const { endsAt, reason, idleWindowMs } = sessionTiming(
    current,
    session.dataUpdatedAt,
    activityAt,
  );
  const warnAt = endsAt - IDLE_WARNING_MS;
  const [warning, setWarning] = useState(false);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [staying, setStaying] = useState(false);
  const [stayFailed, setStayFailed] = useState(false);
  const leaving = useRef(false);

  const leave = useCallback(
    async (notice: SignInNotice) => {
      if (leaving.current) {
        return;
      }
      leaving.current = true;
      setWarning(false);
      forgetPrivateData(queryClient);
      try {
        await logout();
      } catch {
        // Offline: the server ends the session at the same moment on its own.
      }
      const { pathname, search, hash } = location;
      const state: SignInState = {
        from: { pathname, search, hash },
        notice,
        ...(notice === 'idle' ? { idleMinutes: Math.round(idleWindowMs / 60_000) } : {}),
      };
      // Leave the signed-in pages first, then forget the session (see SignOutButton).
      await navigate(signInPath, { replace: true, state, flushSync: true });
      markSignedOut(queryClient);
    },
    [
      forgetPrivateData,
      idleWindowMs,
      location,
      logout,
      markSignedOut,
      navigate,
      queryClient,
      signInPath,
    ],
  );

  useEffect(() => {
    const lapse = () => void leave(reason);
    const now = Date.now();
    if (now >= endsAt) {
      lapse();
      return undefined;
    }
    setWarning(now >= warnAt);
    setStayFailed(false);
    const timers = [setTimeout(lapse, endsAt - now)];
    if (now < warnAt) {
      timers.push(setTimeout(() => setWarning(true), warnAt - now));
    }
    // Timers sleep with the computer and slow down in background tabs: check on return too.
    const check = () => {
      if (document.visibilityState !== 'hidden' && Date.now() >= endsAt) {
        lapse();
      }
    };
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      timers.forEach(clearTimeout);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [endsAt, warnAt, reason, leave]);

  const stay = async () => {
    if (staying) {
      return;
    }
    setStaying(true);
    setStayFailed(false);
    const result = await session.refetch();
    setStaying(false);
    // Success re-arms the timer through the new session data; a failure keeps the warning up.
    if (result.isError) {
      setStayFailed(true);
    }
  };

  const expiring = reason === 'expired';
  const open = warning && dismissed !== endsAt;
  const at = formatTime(new Date(endsAt).toISOString());

  return (
    <Dialog
      open={open}
      role="alertdialog"
      title={expiring ? t('idle.expiringTitle') : t('idle.title')}
      description={
        <>
          <p>{expiring ? t('idle.expiring', { time: at }) : t('idle.body', { time: at })}</p>
          {stayFailed ? <p className="idle__error">{t('idle.stayFailed')}</p> : null}
        </>
      }
      onEscape={() => (expiring ? setDismissed(endsAt) : void stay())}
      actions={
        expiring ? (
          <>
            <Button onClick={() => setDismissed(endsAt)}>{t('idle.continue')}</Button>
            <Button variant="secondary" onClick={() => void leave('signedOut')}>
              {t('idle.signOut')}
            </Button>
          </>
        ) : (
          <>
            <Button busy={staying} onClick={() => void stay()}>
              {staying ? t('idle.staying') : t('idle.stay')}
            </Button>
            <Button variant="secondary" onClick={() => void leave('signedOut')}>
              {t('idle.signOut')}
            </Button>
          </>
        )
      }
    />
  );
}
