import type { ReactNode } from 'react';
import './sections.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

/** A short status in words ("Sent", "Disabled"); the outline colour only repeats the word. */
export function StatusBadge({
  tone = 'neutral',
  children,
}: {
  tone?: BadgeTone;
  children: ReactNode;
}) {
  return <span className={`admin-badge admin-badge--${tone}`}>{children}</span>;
}
