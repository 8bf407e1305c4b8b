import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { AccessLogEntry, StaffRole } from '../api';

const ROLES: readonly StaffRole[] = ['admin', 'provider', 'nurse', 'front-desk', 'billing'];

export function entryHeadingId(index: number): string {
  return `access-log-entry-${index}`;
}

export interface AccessLogListProps {
  entries: readonly AccessLogEntry[];
  /** Move focus to this entry (the first one "Show more" added), then forget it. */
  focusIndex: number | null;
  onFocused: () => void;
  /** Id of the text that names the list ("Showing 20 times…"). */
  labelledBy?: string;
}

/**
 * The access log as a list of cards, newest first: who (name and job in words), what they did
 * and when, in the reader's language and time zone. A list rather than a table, so it reads
 * well on a phone and with a screen reader.
 */
export function AccessLogList({ entries, focusIndex, onFocused, labelledBy }: AccessLogListProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const zone = deviceTimeZone();
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });

  useEffect(() => {
    if (focusIndex === null) {
      return;
    }
    const target = document.getElementById(entryHeadingId(focusIndex));
    if (target) {
      target.focus();
      onFocused();
    }
  }, [focusIndex, entries.length, onFocused]);

  const roleWords = (roles: readonly string[]) =>
    roles.length === 0
      ? t('accessLog.roles.unknown')
      : listFormat.format(
          roles.map((role) =>
            ROLES.includes(role as StaffRole)
              ? t(`accessLog.roles.${role as StaffRole}`)
              : t('accessLog.roles.unknown'),
          ),
        );

  return (
    <ol className="ui-stack access-log" aria-labelledby={labelledBy}>
      {entries.map((entry, index) => (
        <li key={`${entry.occurredAt}-${index}`} className="ui-card access-log__entry">
          <h2 id={entryHeadingId(index)} tabIndex={-1} className="access-log__who">
            {entry.staffName}
          </h2>
          <dl className="ui-details">
            <dt>{t('accessLog.role')}</dt>
            <dd>{roleWords(entry.staffRoles)}</dd>
            <dt>{t('accessLog.what')}</dt>
            <dd>{entry.description}</dd>
            <dt>{t('accessLog.when')}</dt>
            <dd>
              <time dateTime={entry.occurredAt}>
                {formatDateTime(entry.occurredAt, zone, locale)}
              </time>
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
