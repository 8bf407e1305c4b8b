import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';
import './sections.css';

export interface DataTableProps {
  /** Id of the caption, which names the scrolling region too. */
  captionId: string;
  caption: ReactNode;
  /** The caption is for screen readers only (a heading above says the same). */
  hiddenCaption?: boolean;
  /** Column headers, each a `<th scope="col">`; `head` replaces them when a header is more. */
  columns?: readonly ReactNode[];
  /** A header row of its own (sortable headers…), in place of `columns`. */
  head?: ReactNode;
  className?: string;
  /** The body rows. */
  children: ReactNode;
}

/** The staff app's table: captioned, with column headers, in a box that scrolls at 360 px. */
export function DataTable({
  captionId,
  caption,
  hiddenCaption = false,
  columns = [],
  head,
  className,
  children,
}: DataTableProps) {
  return (
    <TableScroll captionId={captionId}>
      <table className={className ? `admin-table ${className}` : 'admin-table'}>
        <caption id={captionId} className={hiddenCaption ? 'ui-visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          {head ?? (
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          )}
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
