import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';

export interface ErrorSummaryItem {
  message: string;
  /** Id of the field to fix; the message becomes a link that moves focus there. */
  targetId?: string;
}

export interface ErrorSummaryProps {
  title: string;
  errors: readonly ErrorSummaryItem[];
  description?: ReactNode;
  id?: string;
  /**
   * Focus moves to the summary when it appears and whenever this value changes, so a second
   * failed submit is announced again.
   */
  focusKey?: unknown;
}

/** Lists what stopped a form from going through, takes focus and links to each field. */
export function ErrorSummary({ title, errors, description, id, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);

  const goTo = (event: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    const target = document.getElementById(targetId);
    if (target) {
      // Focus the field itself instead of changing the URL hash (which the router would see).
      event.preventDefault();
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
    }
  };

  return (
    <div
      ref={ref}
      id={id}
      className="ui-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <h2 className="ui-error-summary__title" id={titleId}>
        {title}
      </h2>
      {description ? <div className="ui-error-summary__body">{description}</div> : null}
      {errors.length > 0 ? (
        <ul className="ui-error-summary__list">
          {errors.map((error) => (
            <li key={`${error.targetId ?? ''}:${error.message}`}>
              {error.targetId ? (
                <a
                  href={`#${error.targetId}`}
                  onClick={(event) => goTo(event, error.targetId as string)}
                >
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
