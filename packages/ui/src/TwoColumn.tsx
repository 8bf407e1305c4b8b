import type { ReactNode } from 'react';

export interface TwoColumnProps {
  /** The short part: who or what this is, the section's own links, key facts. First in reading order. */
  summary: ReactNode;
  /** The rest of the page, beside the summary when there is room. */
  children: ReactNode;
  className?: string;
}

/**
 * A page's summary beside its details on wide screens, stacked (summary first) on phones.
 * Plain CSS (`.ui-two-column` in styles.css): it follows the width it is given, so it needs no
 * breakpoint of its own and works inside either app's frame.
 */
export function TwoColumn({ summary, children, className }: TwoColumnProps) {
  return (
    <div className={className ? `ui-two-column ${className}` : 'ui-two-column'}>
      <div className="ui-two-column__summary">{summary}</div>
      <div className="ui-two-column__details">{children}</div>
    </div>
  );
}
