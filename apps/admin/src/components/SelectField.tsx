import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldShell } from '@portal/ui';
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
  return (
    <FieldShell {...{ label, hint, error, id, className }} aria-describedby={describedBy}>
      {(control) => (
        <select {...rest} {...control} className="admin-select">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
