/** The catalog lists are short; more pages than this means something is wrong upstream. */
const MAX_PAGES = 10;

/**
 * Reads a cursor-paged list to the end. Used for the clinic catalog (visit types, providers,
 * locations), which the booking screens show whole in a choice list.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) {
      break;
    }
    cursor = result.nextCursor;
  }
  return items;
}
