import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

export interface TextAreaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'children'
> {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  /** Marks the field invalid and is read with it. */
  error?: string;
}

/** A labelled multi-line field whose hint and error are announced with it, like TextField. */
export function TextArea({ label, hint, error, id, ...rest }: TextAreaProps) {
  const generatedId = useId();
  const fieldId = id ?? generatedId;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : ''].join(' ')}>
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
        rows={rest.rows ?? 3}
        className="ui-input hr-textarea"
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
