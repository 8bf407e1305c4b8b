import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { Reminder } from '../api/schedule';
import { formatMonthDay, formatMonthDayTime } from '../utils/format';

function useOffsetLabel() {
  const { t } = useTranslation();
  return (minutes: number) =>
    minutes % 1440 === 0
      ? t('schedule.reminders.daysBefore', { count: minutes / 1440 })
      : minutes % 60 === 0
        ? t('schedule.reminders.hoursBefore', { count: minutes / 60 })
        : t('schedule.reminders.minutesBefore', { count: minutes });
}

/**
 * What happened to each reminder email: "Reminder sent Dec 2 (3 days before)", "Reminder
 * scheduled for Dec 1, 9:30 AM EST", or why none went.
 */
export function ReminderList({ reminders, timeZone }: { reminders: Reminder[]; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const offset = useOffsetLabel();
  if (reminders.length === 0) {
    return <p className="schedule-reminders">{t('schedule.reminders.none')}</p>;
  }
  return (
    <ul className="schedule-reminders">
      {[...reminders]
        .sort((a, b) => b.offsetMinutes - a.offsetMinutes)
        .map((reminder) => {
          const before = offset(reminder.offsetMinutes);
          let text: string;
          switch (reminder.state) {
            case 'sent':
              text = t('schedule.reminders.sent', {
                date: formatMonthDay(reminder.dueAt, timeZone, locale),
                before,
              });
              break;
            case 'scheduled':
              text = t('schedule.reminders.scheduled', {
                when: formatMonthDayTime(reminder.dueAt, timeZone, locale),
                before,
              });
              break;
            case 'skipped':
              text = t('schedule.reminders.skipped', { before });
              break;
            default:
              text = t('schedule.reminders.notScheduled', { before });
          }
          return (
            <li key={reminder.offsetMinutes}>
              {text}
              {reminder.detail ? <span className="admin-muted"> {reminder.detail}</span> : null}
            </li>
          );
        })}
    </ul>
  );
}
