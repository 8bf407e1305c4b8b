import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldShell } from '@portal/ui';
import '../../../components/sections.css';
import { useCodeSearch } from '../api/search-codes';
import type { CodeEntry, CodeSystem } from '../api/types';

export interface CodeLookupProps {
  id: string;
  label: string;
  system: CodeSystem;
  value: CodeEntry | null;
  onChange: (value: CodeEntry | null) => void;
  error?: string;
  required?: boolean;
}

/**
 * A code picker following the ARIA combobox pattern: type a code or words, move through the
 * matches with the arrow keys, Enter picks one, Escape closes the list. Only a code chosen from
 * the list counts, so the form never sends free text as a code.
 */
export function CodeLookup({
  id,
  label,
  system,
  value,
  onChange,
  error,
  required,
}: CodeLookupProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(value ? `${value.code} ${value.display}` : '');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // Ask once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useCodeSearch(system, value ? '' : term);
  const items = search.data?.items ?? [];
  const expanded = open && !value && term.trim().length > 0;

  const choose = (entry: CodeEntry) => {
    onChange(entry);
    setText(`${entry.code} ${entry.display}`);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && expanded && items[active]) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const status = !expanded
    ? ''
    : search.isFetching && items.length === 0
      ? t('healthRecords.lookup.searching')
      : t('healthRecords.lookup.matches', { count: items.length });

  return (
    <FieldShell
      id={id}
      label={label}
      hint={t(`healthRecords.lookup.hint.${system}`)}
      error={error}
      className="hr-combobox"
    >
      {(control) => (
        <>
          <input
            {...control}
            className="ui-input"
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            aria-required={required || undefined}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
              if (value) onChange(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            className="hr-combobox__list"
            hidden={!expanded || items.length === 0}
          >
            {items.map((entry, index) => (
              <li
                key={entry.code}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className="hr-combobox__option"
                // Keep focus in the input so the list stays open until the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(entry)}
              >
                <span className="admin-mono">{entry.code}</span> {entry.display}
              </li>
            ))}
          </ul>
          <p className="ui-visually-hidden" role="status">
            {status}
          </p>
        </>
      )}
    </FieldShell>
  );
}
