import type { ReactNode } from 'react';
import './sections.css';

export interface TableScrollProps {
  /** Id of the table's <caption>; names the scrolling region for screen readers. */
  captionId: string;
  children: ReactNode;
}

/**
 * The box a wide table scrolls in at 360 px, instead of the page scrolling sideways. It takes
 * keyboard focus so the table can be scrolled without a mouse (WCAG 2.1.1).
 */
export function TableScroll({ captionId, children }: TableScrollProps) {
  return (
    // A focusable region is how keyboard users scroll it; the caption names it.
    <div className="admin-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
