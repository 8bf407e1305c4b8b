import type { ReactNode } from 'react';

export interface WorkBlockProps {
  id: string;
  title: string;
  /** "3 waiting": said beside the heading, so the queue's size is read first. */
  count?: string;
  children: ReactNode;
  /** The way to the whole queue. */
  footer?: ReactNode;
}

/** One block of the home worklist: a titled card (a landmark region, by its heading). */
export function WorkBlock({ id, title, count, children, footer }: WorkBlockProps) {
  return (
    <section className="ui-card home-block" aria-labelledby={id}>
      <h2 id={id} className="home-block__title">
        {title}
        {count ? <span className="home-block__count"> {count}</span> : null}
      </h2>
      {children}
      {footer ? <p className="home-block__footer">{footer}</p> : null}
    </section>
  );
}
