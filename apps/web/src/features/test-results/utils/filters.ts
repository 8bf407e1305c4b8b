/** The categories the API files reports under. */
export const RESULT_CATEGORIES = ['laboratory', 'imaging', 'other'] as const;
export type ResultCategoryFilter = (typeof RESULT_CATEGORIES)[number];

export interface ResultFilters {
  category: ResultCategoryFilter | null;
  /** Calendar dates, YYYY-MM-DD, both included. */
  from: string | null;
  to: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCategory(value: string | null): value is ResultCategoryFilter {
  return (RESULT_CATEGORIES as readonly (string | null)[]).includes(value);
}

/** Reads the filters from the address; anything odd is ignored rather than sent to the API. */
export function readResultFilters(params: URLSearchParams): ResultFilters {
  const category = params.get('category');
  const from = params.get('from');
  const to = params.get('to');
  return {
    category: isCategory(category) ? category : null,
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
  };
}

/** The query string for these filters, leaving out the empty ones. */
export function resultFiltersSearch(filters: ResultFilters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasFilters(filters: ResultFilters): boolean {
  return Boolean(filters.category || filters.from || filters.to);
}
