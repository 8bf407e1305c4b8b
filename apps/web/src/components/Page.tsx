import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../lib/document-title';

export interface PageProps {
  /** Tab title: a page name only, never personal or health details. */
  title: string;
  /** Visible heading, when it differs from the title (it may greet the patient by name). */
  heading?: ReactNode;
  children?: ReactNode;
}

/**
 * One page: sets the tab title and, after an in-app navigation, moves focus to the page
 * heading so screen reader users hear where they landed (a SPA does not reload the page).
 */
export function Page({ title, heading, children }: PageProps) {
  useDocumentTitle(title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    // 'default' is the first location the router saw: a fresh page load, where the browser
    // already starts reading from the top.
    if (key !== 'default') {
      headingRef.current?.focus();
    }
  }, [key]);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
