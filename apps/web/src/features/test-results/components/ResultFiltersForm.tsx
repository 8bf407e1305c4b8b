import { Button, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from && to && from > to) {
      setError(t('testResults.filters.toBeforeFrom'));
      return;
    }
    setError(undefined);
    onApply({
      category: (category || null) as ResultCategoryFilter | null,
      from: from || null,
      to: to || null,
    });
  };

  return (
    <form
      className="ui-card results-filters"
      aria-label={t('testResults.filters.label')}
      onSubmit={submit}
      noValidate
    >
      <div className="ui-field">
        <label className="ui-field__label" htmlFor="results-category">
          {t('testResults.filters.category')}
        </label>
        <select
          id="results-category"
          name="category"
          className="ui-input"
          value={category}
          onChange={(event) => setCategory(event.target.value)}
        >
          <option value="">{t('testResults.filters.allCategories')}</option>
          {RESULT_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(`testResults.category.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="results-filters__dates">
        <TextField
          label={t('testResults.filters.from')}
          name="from"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          label={t('testResults.filters.to')}
          name="to"
          type="date"
          value={to}
          error={error}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <div className="ui-actions">
        <Button type="submit" variant="secondary">
          {t('testResults.filters.apply')}
        </Button>
        {hasFilters(filters) ? (
          <Link to={{ search: '' }} className="results-filters__clear">
            {t('testResults.filters.clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
