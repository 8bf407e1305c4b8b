import { SelectField } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateFilterForm } from '../../../components/DateFilterForm';
import {
  hasFilters,
  RESULT_CATEGORIES,
  type ResultCategoryFilter,
  type ResultFilters,
} from '../utils/filters';

export interface ResultFiltersFormProps {
  filters: ResultFilters;
  onApply: (filters: ResultFilters) => void;
}

/** Kind of test and a date range; applied together, kept in the address by the page. */
export function ResultFiltersForm({ filters, onApply }: ResultFiltersFormProps) {
  const { t } = useTranslation();
  const [category, setCategory] = useState(filters.category ?? '');
  return (
    <DateFilterForm
      copy="testResults.filters"
      label={t('testResults.filters.label')}
      classPrefix="results-filters"
      range={filters}
      filtered={hasFilters(filters)}
      onApply={(range) =>
        onApply({ category: (category || null) as ResultCategoryFilter | null, ...range })
      }
    >
      <SelectField
        id="results-category"
        name="category"
        label={t('testResults.filters.category')}
        value={category}
        onChange={(event) => setCategory(event.target.value)}
        emptyOption={t('testResults.filters.allCategories')}
        options={RESULT_CATEGORIES.map((value) => ({
          value,
          label: t(`testResults.category.${value}`),
        }))}
      />
    </DateFilterForm>
  );
}
