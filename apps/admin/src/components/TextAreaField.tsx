import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldShell } from '@portal/ui';
import './sections.css';

export interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'children'
> {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  /** Marks the field invalid and is read with it. */
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field, with hint and error announced with it, like TextField. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  'aria-describedby': describedBy,
  ...rest
}: TextAreaFieldProps) {
  return (
    <FieldShell {...{ label, hint, error, id, className }} aria-describedby={describedBy}>
      {(control) => <textarea {...rest} {...control} className="ui-input textarea-field" />}
    </FieldShell>
  );
}
