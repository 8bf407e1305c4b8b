import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/StatusBadge';

/** Held or released, in words. */
export function ReleaseBadge({ state }: { state: 'held' | 'released' }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={state === 'held' ? 'warning' : 'success'}>
      {t(`healthRecords.results.release.${state}`)}
    </StatusBadge>
  );
}

/** "Outside the usual range" or "Within the usual range": never colour alone. */
export function AbnormalWords({ abnormal }: { abnormal: boolean }) {
  const { t } = useTranslation();
  return abnormal ? (
    <StatusBadge tone="error">{t('healthRecords.results.abnormal')}</StatusBadge>
  ) : (
    <span>{t('healthRecords.results.normal')}</span>
  );
}
