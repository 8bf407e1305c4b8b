import { LoadingState, Skeleton } from '@portal/ui';
import { Link } from 'react-router';

export interface CountCardText {
  title: string;
  /** "You have 2 new …" for a count above zero. */
  some: (count: number) => string;
  none: string;
  failed: string;
  loading: string;
  link: string;
}

/**
 * A Home card that says how many of something wait for the patient ("You have 2 new test
 * results"), never what they are: Home is the page most likely to be seen over a shoulder.
 * The card is the same size in every state (one line and the link), so nothing below it
 * moves when the count arrives.
 */
export function CountCard({
  id,
  to,
  text,
  count,
  isError,
}: {
  id: string;
  to: string;
  text: CountCardText;
  count: number | undefined;
  isError: boolean;
}) {
  return (
    <section className="ui-card" aria-labelledby={id}>
      <h2 id={id}>{text.title}</h2>
      {count !== undefined ? (
        <p>{count > 0 ? text.some(count) : text.none}</p>
      ) : isError ? (
        <p>{text.failed}</p>
      ) : (
        <LoadingState label={text.loading}>
          <p>
            <Skeleton className="app-skeleton-text" width="14rem" />
          </p>
        </LoadingState>
      )}
      <p>
        <Link to={to}>{text.link}</Link>
      </p>
    </section>
  );
}
