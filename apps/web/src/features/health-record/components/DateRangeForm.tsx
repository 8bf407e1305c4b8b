import { useTranslation } from 'react-i18next';
import { DateFilterForm } from '../../../components/DateFilterForm';
import type { DateRange } from '../api';

export interface DateRangeFormProps {
  range: DateRange;
  onApply: (range: DateRange) => void;
}

/** From and to dates for a record list; the page keeps them in the address. */
export function DateRangeForm({ range, onApply }: DateRangeFormProps) {
  const { t } = useTranslation();
  return (
    <DateFilterForm
      copy="healthRecord.lists"
      label={t('healthRecord.lists.filtersLabel')}
      classPrefix="records-filters"
      range={range}
      filtered={Boolean(range.from || range.to)}
      onApply={onApply}
    />
  );
}
