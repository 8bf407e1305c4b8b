import { useEffect, useState } from 'react';

/** The parts of an infinite query that "Show more" uses. */
interface PagedList {
  data?: { pages: { items: unknown[] }[] };
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<{ isError: boolean }>;
}

/**
 * "Show more" for a paged list: fetches the next page, then moves focus to the heading of the
 * first entry it added (`headingId(index)`), so keyboard and screen reader users go on
 * reading where the new entries start. A click while a page is on its way does nothing.
 */
export function useShowMore(list: PagedList, headingId: (index: number) => string) {
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const count = list.data?.pages.reduce((sum, page) => sum + page.items.length, 0) ?? 0;

  useEffect(() => {
    if (focusIndex === null || focusIndex >= count) {
      return;
    }
    document.getElementById(headingId(focusIndex))?.focus();
    setFocusIndex(null);
  }, [focusIndex, count, headingId]);

  return async () => {
    if (list.isFetchingNextPage) {
      return;
    }
    const firstNew = count;
    const result = await list.fetchNextPage();
    if (!result.isError) {
      setFocusIndex(firstNew);
    }
  };
}
