import type { MouseEvent, ReactNode } from 'react';

export interface SkipLinkProps {
  /** Id of the element to jump to, usually <main>; it needs tabIndex={-1}. */
  targetId: string;
  children: ReactNode;
}

/** First focusable element on the page: lets keyboard users jump past the header and menu. */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (target) {
      // Move focus directly: a hash change would count as a navigation in the SPA router.
      event.preventDefault();
      target.focus();
    }
  };
  return (
    <a className="ui-skip-link" href={`#${targetId}`} onClick={skip}>
      {children}
    </a>
  );
}
