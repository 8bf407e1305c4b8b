import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
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
  const generatedId = useId();
  const fieldId = id ?? generatedId;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const descriptions = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['ui-field', error ? 'ui-field--invalid' : '', className]
        .filter(Boolean)
        .join(' ')}
    >
      <label className="ui-field__label" htmlFor={fieldId}>
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
      <textarea
        {...rest}
        id={fieldId}
        className="ui-input textarea-field"
        aria-describedby={descriptions}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
