import { useId, type ReactNode } from 'react';

export interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Marks the field invalid and is read with it. */
  error?: string;
  id?: string;
  className?: string;
  'aria-describedby'?: string;
  /** The control, given the id and descriptions it must carry. */
  children: (control: {
    id: string;
    'aria-describedby': string | undefined;
    'aria-invalid': true | undefined;
  }) => ReactNode;
}

/**
 * Label, hint and error around one control, announced with it (aria-describedby): the one
 * shell of every labelled field in both apps.
 */
export function FieldShell({
  label,
  hint,
  error,
  id,
  className,
  'aria-describedby': describedBy,
  children,
}: FieldShellProps) {
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
      {children({
        id: fieldId,
        'aria-describedby': descriptions,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}
