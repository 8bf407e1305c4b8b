import { isApiError } from '@portal/api-client';
import { Button } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import type { ActiveSession } from './api/my-sessions';
import { useAuthUi } from './context';
import { describeUserAgent } from './user-agent';

/** "Chrome on Windows", "Safari on iPhone", or a plain "unknown device". */
export function useDeviceName() {
  const { t } = useTranslation();
  return (userAgent: string | null): string => {
    const { browser, system } = describeUserAgent(userAgent);
    if (browser && system) {
      return t('account.sessions.device', { browser, system });
    }
    return browser ?? system ?? t('account.sessions.unknownDevice');
  };
}

export interface SessionListProps {
  sessions: readonly ActiveSession[];
  ending: string | null;
  onEnd: (session: ActiveSession) => void;
}

/** One card per signed-in device: this device first, then the most recently active. */
export function SessionList({ sessions, ending, onEnd }: SessionListProps) {
  const { t } = useTranslation();
  const formatDateTime = useAuthUi().useFormatDateTime();
  const deviceName = useDeviceName();
  const sorted = [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  // Two devices of the same kind (two Chromes on Windows) are told apart by when each signed in.
  const names = sorted.map((session) => deviceName(session.userAgent));
  const shared = new Set(names.filter((name, index) => names.indexOf(name) !== index));

  return (
    <ul className="ui-stack">
      {sorted.map((session, index) => {
        const device = names[index]!;
        const name = shared.has(device)
          ? t('account.sessions.deviceSince', {
              device,
              time: formatDateTime(session.createdAt),
            })
          : device;
        const titleId = `session-${session.id}`;
        return (
          <li key={session.id} className="ui-card">
            <h2 id={titleId} className="session__title">
              {name}
              {session.current ? (
                <>
                  {' '}
                  <span className="ui-badge">{t('account.sessions.thisDevice')}</span>
                </>
              ) : null}
            </h2>
            <dl className="ui-details">
              <dt>{t('account.sessions.lastActive')}</dt>
              <dd>
                <time dateTime={session.lastSeenAt}>{formatDateTime(session.lastSeenAt)}</time>
              </dd>
              <dt>{t('account.sessions.signedIn')}</dt>
              <dd>
                <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
              </dd>
              <dt>{t('account.sessions.ip')}</dt>
              <dd>{session.ip ?? t('account.sessions.ipUnknown')}</dd>
            </dl>
            {session.current ? (
              <p>{t('account.sessions.thisDeviceHelp')}</p>
            ) : (
              <Button
                variant="secondary"
                busy={ending === session.id}
                aria-describedby={titleId}
                onClick={() => onEnd(session)}
              >
                {ending === session.id ? t('account.sessions.ending') : t('account.sessions.end')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function isAlreadyEnded(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}
