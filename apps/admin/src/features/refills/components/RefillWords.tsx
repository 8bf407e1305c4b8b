import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeTone } from '../../../components/StatusBadge';
import { waitingFor } from '../../../lib/waiting';
import type { RefillStatus } from '../api/refills';

const TONES: Record<RefillStatus, BadgeTone> = {
  requested: 'info',
  in_review: 'info',
  approved: 'success',
  denied: 'error',
  needs_appointment: 'warning',
  cancelled: 'neutral',
};

/** A request's status in words; the colour only repeats them. */
export function RefillStatusBadge({ status }: { status: RefillStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={TONES[status]}>{t(`refills.status.${status}`)}</StatusBadge>;
}

/** How long a request has waited: "2 days", "5 hours". */
export function useAgeInWords() {
  const { t } = useTranslation();
  return (since: string, now: number) => {
    const { unit, count } = waitingFor(since, now);
    return t(`refills.age.${unit}`, { count });
  };
}

/** Hours to a decision written out: "less than an hour", "5 hours", "1.5 days". */
export function useHoursInWords() {
  const { t } = useTranslation();
  return (hours: number) => {
    if (hours < 1) return t('refills.hours.lessThanOne');
    if (hours < 48) return t('refills.hours.hours', { count: Math.round(hours) });
    return t('refills.hours.days', { count: Math.round((hours / 24) * 10) / 10 });
  };
}
