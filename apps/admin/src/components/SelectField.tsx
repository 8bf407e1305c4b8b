import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import './sections.css';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'children'
> {
  label: ReactNode;
  name: string;
  options: readonly SelectOption[];
  hint?: ReactNode;
  /** Marks the field invalid and is read with it. */
  error?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select, with hint and error announced with it, like TextField. */
export function SelectField({
  label,
  options,
  hint,
  error,
  id,
  className,
  'aria-describedby': describedBy,
  ...rest
}: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const descriptions = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['ui-field', error ? 'ui-field--invalid' : '', className]
        .filter(Boolean)
        .join(' ')}
    >
      <label className="ui-field__label" htmlFor={selectId}>
        {label}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <select
        {...rest}
        id={selectId}
        className="admin-select"
        aria-describedby={descriptions}
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
