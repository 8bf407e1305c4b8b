import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'children'
> {
  label: ReactNode;
  id: string;
  /** A first choice with the value '' ("Any provider", "All kinds"), when there is one. */
  emptyOption?: string;
  options: readonly SelectOption[];
}

/** A labelled native select: the keyboard, screen readers and phones handle it as they know. */
export function SelectField({
  label,
  id,
  emptyOption,
  options,
  'aria-describedby': describedBy,
  ...rest
}: SelectFieldProps) {
  return (
    <FieldShell label={label} id={id} aria-describedby={describedBy}>
      {(control) => (
        <select {...rest} {...control} className="ui-input">
          {emptyOption === undefined ? null : <option value="">{emptyOption}</option>}
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
