import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/StatusBadge';

/** "Active" or "Inactive" in words. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={active ? 'success' : 'neutral'}>
      {active ? t('clinicSettings.status.active') : t('clinicSettings.status.inactive')}
    </StatusBadge>
  );
}
