import { useTranslation } from 'react-i18next';
import { Time } from '../../../components/Time';
import type { RefillHistoryEntry } from '../api/refills';

/** The request's timeline, oldest first: who moved it, when, from what to what, and why. */
export function RefillHistory({ history }: { history: readonly RefillHistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <p>{t('refills.history.none')}</p>;
  return (
    <ol className="refills-timeline">
      {history.map((entry) => {
        const who = entry.byName ?? t(`refills.history.by.${entry.byKind}`);
        return (
          <li key={entry.id}>
            <Time value={entry.at} />{' '}
            {entry.event === 'sent'
              ? t('refills.history.sent', { who })
              : entry.fromStatus
                ? t('refills.history.moved', {
                    who,
                    from: t(`refills.status.${entry.fromStatus}`),
                    to: t(`refills.status.${entry.toStatus}`),
                  })
                : t('refills.history.created', {
                    who,
                    to: t(`refills.status.${entry.toStatus}`),
                  })}
            {entry.reason ? (
              <>
                {' '}
                <span className="refills-reason">
                  {t('refills.history.reason', { reason: entry.reason })}
                </span>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
