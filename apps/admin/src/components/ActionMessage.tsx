import { Alert } from '@portal/ui';
import { useEffect, useRef, type ReactNode } from 'react';
import './sections.css';

export interface ActionMessageProps {
  tone?: 'success' | 'info' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
  /** Focus moves to the message whenever this changes (each new action result). */
  focusKey: unknown;
  /** The children are a complete message already (an ApiErrorAlert): no Alert around them. */
  plain?: boolean;
}

/**
 * The result of an action in words. It takes focus, because the button that was used may have
 * gone (a revoked invitation has no Revoke button), and focus must not fall to the page body.
 */
export function ActionMessage({
  tone = 'success',
  title,
  children,
  focusKey,
  plain = false,
}: ActionMessageProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className="admin-focus-target">
      {plain ? (
        children
      ) : (
        <Alert tone={tone} title={title}>
          {children}
        </Alert>
      )}
    </div>
  );
}
