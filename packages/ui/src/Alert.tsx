import { useId, type ReactNode } from 'react';

export interface AlertProps {
  tone?: 'info' | 'success' | 'warning' | 'error';
  /** Shown in bold; the words carry the meaning, the colour only repeats it. */
  title?: string;
  children?: ReactNode;
  /**
   * Announce the message when it appears. Errors interrupt (role=alert); other tones wait
   * politely (role=status). Turn off for messages that are part of the page from the start.
   */
  announce?: boolean;
  className?: string;
}

export function Alert({ tone = 'info', title, children, announce = true, className }: AlertProps) {
  const titleId = useId();
  const role = announce ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div
      className={['ui-alert', `ui-alert--${tone}`, className].filter(Boolean).join(' ')}
      role={role}
      aria-labelledby={title ? titleId : undefined}
    >
      {title ? (
        <p className="ui-alert__title" id={titleId}>
          {title}
        </p>
      ) : null}
      {children ? <div className="ui-alert__body">{children}</div> : null}
    </div>
  );
}
