import { Button, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DateRange } from '../api';

export interface DateRangeFormProps {
  range: DateRange;
  onApply: (range: DateRange) => void;
}

/** From and to dates for a record list; the page keeps them in the address. */
export function DateRangeForm({ range, onApply }: DateRangeFormProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from && to && from > to) {
      setError(t('healthRecord.lists.toBeforeFrom'));
      return;
    }
    setError(undefined);
    onApply({ from: from || null, to: to || null });
  };

  return (
    <form
      className="ui-card records-filters"
      aria-label={t('healthRecord.lists.filtersLabel')}
      onSubmit={submit}
      noValidate
    >
      <div className="records-filters__dates">
        <TextField
          label={t('healthRecord.lists.from')}
          name="from"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          label={t('healthRecord.lists.to')}
          name="to"
          type="date"
          value={to}
          error={error}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <div className="ui-actions">
        <Button type="submit" variant="secondary">
          {t('healthRecord.lists.apply')}
        </Button>
        {range.from || range.to ? (
          <Link to={{ search: '' }} className="records-filters__clear">
            {t('healthRecord.lists.clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
