import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { AccessLogEntry, StaffRole } from '../api';
import { groupVisits } from '../utils/group-visits';

const ROLES: readonly StaffRole[] = ['admin', 'provider', 'nurse', 'front-desk', 'billing'];

export function entryHeadingId(index: number): string {
  return `access-log-entry-${index}`;
}

export interface AccessLogListProps {
  entries: readonly AccessLogEntry[];
  /** Move focus to the entry holding this row (the first one "Show more" added), then forget it. */
  focusIndex: number | null;
  onFocused: () => void;
  /** Id of the text that names the list ("Showing 20 times…"). */
  labelledBy?: string;
}

/**
 * The access log as a list of cards, newest first, one per sitting (utils/group-visits.ts):
 * who (name and job in words), what they did and when, in the reader's language and time
 * zone, and every step of the sitting on request. A list rather than a table, so it reads well
 * on a phone and with a screen reader.
 */
export function AccessLogList({ entries, focusIndex, onFocused, labelledBy }: AccessLogListProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const zone = deviceTimeZone();
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });

  const visits = groupVisits(entries);
  const focusVisit =
    focusIndex === null
      ? null
      : visits.findIndex(
          (visit) =>
            focusIndex >= visit.firstIndex && focusIndex < visit.firstIndex + visit.entries.length,
        );

  useEffect(() => {
    if (focusVisit === null || focusVisit < 0) {
      return;
    }
    const target = document.getElementById(entryHeadingId(focusVisit));
    if (target) {
      target.focus();
      onFocused();
    }
  }, [focusVisit, entries.length, onFocused]);

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
      {visits.map((visit, index) => {
        const { lead } = visit;
        const when = (time: string) => (
          <time dateTime={time}>{formatDateTime(time, zone, locale)}</time>
        );
        return (
          <li key={`${lead.occurredAt}-${visit.firstIndex}`} className="ui-card access-log__entry">
            <h2 id={entryHeadingId(index)} tabIndex={-1} className="access-log__who">
              {lead.staffName}
            </h2>
            <dl className="ui-details">
              <dt>{t('accessLog.role')}</dt>
              <dd>{roleWords(lead.staffRoles)}</dd>
              <dt>{t('accessLog.what')}</dt>
              <dd>{lead.description}</dd>
              <dt>{t('accessLog.when')}</dt>
              <dd>
                {visit.from === visit.to ? (
                  when(visit.to)
                ) : (
                  <>
                    {when(visit.from)} {t('accessLog.until')} {when(visit.to)}
                  </>
                )}
              </dd>
            </dl>
            {visit.entries.length > 1 ? (
              <details className="access-log__steps">
                <summary>{t('accessLog.steps', { count: visit.entries.length })}</summary>
                <ol>
                  {visit.entries.map((entry, step) => (
                    <li key={`${entry.occurredAt}-${step}`}>
                      {entry.description} ({when(entry.occurredAt)})
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
