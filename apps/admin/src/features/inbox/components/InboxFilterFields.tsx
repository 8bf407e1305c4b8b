import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import {
  MESSAGE_CATEGORIES,
  WAITING_HOURS,
  type CarePool,
  type InboxFilters,
  type MessageCategory,
} from '../api/inbox';

export interface InboxFilterFieldsProps {
  filters: InboxFilters;
  pools: readonly CarePool[];
  onChange: (changes: Partial<Omit<InboxFilters, 'view'>>) => void;
}

/** Pool, category and how long the patient has waited; each choice applies at once. */
export function InboxFilterFields({ filters, pools, onChange }: InboxFilterFieldsProps) {
  const { t } = useTranslation();
  return (
    <form
      className="admin-filters"
      aria-label={t('inbox.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        id="inbox-filter-pool"
        name="pool"
        label={t('inbox.filters.pool')}
        value={filters.poolId ?? ''}
        options={[
          { value: '', label: t('inbox.filters.anyPool') },
          ...pools.map((pool) => ({ value: pool.id, label: pool.name })),
        ]}
        onChange={(event) => onChange({ poolId: event.target.value || undefined })}
      />
      <SelectField
        id="inbox-filter-category"
        name="category"
        label={t('inbox.filters.category')}
        value={filters.category ?? ''}
        options={[
          { value: '', label: t('inbox.filters.anyCategory') },
          ...MESSAGE_CATEGORIES.map((category) => ({
            value: category,
            label: t(`inbox.category.${category}`),
          })),
        ]}
        onChange={(event) =>
          onChange({ category: (event.target.value || undefined) as MessageCategory | undefined })
        }
      />
      <SelectField
        id="inbox-filter-waiting"
        name="waiting"
        label={t('inbox.filters.waiting')}
        value={filters.waitingAtLeastHours ? String(filters.waitingAtLeastHours) : ''}
        options={[
          { value: '', label: t('inbox.filters.anyAge') },
          ...WAITING_HOURS.map((hours) => ({
            value: String(hours),
            label: t(`inbox.filters.waitingHours.${hours}`),
          })),
        ]}
        onChange={(event) =>
          onChange({
            waitingAtLeastHours: event.target.value ? Number(event.target.value) : undefined,
          })
        }
      />
    </form>
  );
}
