import type { ReactNode } from 'react';

/** Text for screen readers only; stays in the accessibility tree, unlike display:none. */
export function VisuallyHidden({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <span className="ui-visually-hidden" id={id}>
      {children}
    </span>
  );
}
