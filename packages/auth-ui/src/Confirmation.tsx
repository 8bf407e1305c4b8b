import { Alert } from '@portal/ui';
import { useEffect, useRef, type ReactNode } from 'react';

export interface ConfirmationProps {
  title?: string;
  tone?: 'success' | 'info' | 'warning' | 'error';
  children: ReactNode;
}

/**
 * The result of an action, said in words. It takes focus when it appears, so keyboard and
 * screen reader users land on it (the form they used is usually gone).
 */
export function Confirmation({ title, tone = 'success', children }: ConfirmationProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="confirmation">
      <Alert tone={tone} title={title}>
        {children}
      </Alert>
    </div>
  );
}
