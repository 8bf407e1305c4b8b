import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INBOX_VIEWS, type InboxCounts, type InboxView } from '../api/inbox';

/** The five views as links, each with how many it holds and how many are unread. */
export function ViewNav({
  current,
  counts,
  searchFor,
}: {
  current: InboxView;
  counts: InboxCounts | undefined;
  searchFor: (view: InboxView) => string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('inbox.views.label')}>
      <ul className="admin-filter-links inbox-views">
        {INBOX_VIEWS.map((view) => {
          const count = counts?.views.find((entry) => entry.view === view);
          return (
            <li key={view}>
              <Link
                to={{ search: searchFor(view) }}
                aria-current={view === current ? 'page' : undefined}
              >
                {t(`inbox.views.${view}`)}
                {count ? (
                  <span className="inbox-views__count">
                    {' '}
                    {count.unread > 0
                      ? t('inbox.views.countUnread', { total: count.total, count: count.unread })
                      : t('inbox.views.count', { total: count.total })}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
