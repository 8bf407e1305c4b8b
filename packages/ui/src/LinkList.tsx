import { Children, type ReactNode } from 'react';

/** Links stacked one a line with room to tap each; every child is one item. */
export function LinkList({ children }: { children: ReactNode }) {
  return (
    <ul className="ui-link-list">
      {Children.map(children, (child) => (child === null ? null : <li>{child}</li>))}
    </ul>
  );
}
