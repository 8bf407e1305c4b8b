import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from './document-title';

export interface PageProps {
  /** Tab title: a page name only, never personal or health details. */
  title: string;
  /** Visible heading, when it differs from the title (it may greet the patient by name). */
  heading?: ReactNode;
  /**
   * For steps that replace each other on one address (sign-in, then its verification code):
   * true moves focus to the heading when this step appears; false leaves focus alone (something
   * inside the step takes it, such as a confirmation). Unset: focus follows navigations.
   */
  autoFocus?: boolean;
  children?: ReactNode;
}

/**
 * One page: sets the tab title and, after an in-app navigation, moves focus to the page
 * heading so screen reader users hear where they landed (a SPA does not reload the page).
 */
export function Page({ title, heading, autoFocus, children }: PageProps) {
  useDocumentTitle(title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();
  const shownPath = useRef<string | null>(null);

  useEffect(() => {
    // Only the query string or hash changed (a token taken out of the address, a filter):
    // the person is still on the same page, perhaps typing, so focus stays where it is.
    const samePage = shownPath.current === pathname;
    shownPath.current = pathname;
    if (samePage) {
      return;
    }
    // 'default' is the first location the router saw: a fresh page load, where the browser
    // already starts reading from the top.
    if (autoFocus ?? key !== 'default') {
      headingRef.current?.focus();
    }
  }, [key, pathname, autoFocus]);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
