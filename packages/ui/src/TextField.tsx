import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

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
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const descriptions = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;

  return (
    <div
      className={['ui-field', error ? 'ui-field--invalid' : '', className]
        .filter(Boolean)
        .join(' ')}
    >
      <label className="ui-field__label" htmlFor={inputId}>
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
      <input
        {...rest}
        id={inputId}
        type={type}
        className="ui-input"
        aria-describedby={descriptions}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
