import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/StatusBadge';
import { answerClock, type Span } from '../utils/answer-clock';

/**
 * The answer-time clock in words: "Over by 3 hours" (error), "Due in 2 hours" (warning when
 * under four hours), and how long the patient has waited; the colour only repeats the words.
 */
export function AnswerClock({
  item,
  now,
}: {
  item: { awaitingSince: string | null; replyDueAt: string | null };
  now: number;
}) {
  const { t } = useTranslation();
  const span = (value: Span) => t(`inbox.clock.${value.unit}`, { count: value.count });
  const clock = answerClock(item, now);
  if (clock.state === 'answered') {
    return <span className="admin-muted">{t('inbox.clock.answered')}</span>;
  }
  return (
    <span className="inbox-clock">
      {clock.state === 'over' ? (
        <StatusBadge tone="error">{t('inbox.clock.over', { time: span(clock.by) })}</StatusBadge>
      ) : (
        <StatusBadge tone={clock.soon ? 'warning' : 'neutral'}>
          {t('inbox.clock.due', { time: span(clock.left) })}
        </StatusBadge>
      )}{' '}
      <span className="admin-muted">{t('inbox.clock.waited', { time: span(clock.waited) })}</span>
    </span>
  );
}
