import { Button, TextField } from '@portal/ui';
import type { ParseKeys } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupWith } from './QueryState';

/** Calendar dates YYYY-MM-DD, either end open. */
export interface DateFilter {
  from: string | null;
  to: string | null;
}

export interface DateFilterFormProps {
  /** The message group with `from`, `to`, `toBeforeFrom`, `apply` and `clear`. */
  copy: GroupWith<'toBeforeFrom'>;
  label: string;
  /** The feature's class prefix: `<prefix>` on the form, `__dates` and `__clear` inside. */
  classPrefix: string;
  range: DateFilter;
  /** Whether the address narrows the list now, which offers "Clear". */
  filtered: boolean;
  onApply: (range: DateFilter) => void;
  /** More filters, before the dates. */
  children?: ReactNode;
}

/**
 * A list's filters with a from and a to date, applied together; a "to" before the "from" is
 * refused by the "to" box. The page keeps what is applied in the address.
 */
export function DateFilterForm({
  copy,
  label,
  classPrefix,
  range,
  filtered,
  onApply,
  children,
}: DateFilterFormProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const [error, setError] = useState<string | undefined>();
  const word = (leaf: 'from' | 'to' | 'apply' | 'clear') => t(`${copy}.${leaf}` as ParseKeys);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from && to && from > to) {
      setError(t(`${copy}.toBeforeFrom`));
      return;
    }
    setError(undefined);
    onApply({ from: from || null, to: to || null });
  };

  return (
    <form className={`ui-card ${classPrefix}`} aria-label={label} onSubmit={submit} noValidate>
      {children}
      <div className={`${classPrefix}__dates`}>
        <TextField
          label={word('from')}
          name="from"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          label={word('to')}
          name="to"
          type="date"
          value={to}
          error={error}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <div className="ui-actions">
        <Button type="submit" variant="secondary">
          {word('apply')}
        </Button>
        {filtered ? (
          <Link to={{ search: '' }} className={`${classPrefix}__clear`}>
            {word('clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
