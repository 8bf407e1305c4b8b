import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldShell } from './FieldShell';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode;
  name: string;
  /** Help shown under the label and read with the field. */
  hint?: ReactNode;
  /** Message shown when the value is not accepted; marks the field invalid. */
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({
  label,
  hint,
  error,
  id,
  className,
  type = 'text',
  'aria-describedby': describedBy,
  ...rest
}: TextFieldProps) {
  return (
    <FieldShell {...{ label, hint, error, id, className }} aria-describedby={describedBy}>
      {(control) => <input {...rest} {...control} type={type} className="ui-input" />}
    </FieldShell>
  );
}
