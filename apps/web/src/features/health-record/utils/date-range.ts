import type { DateRange } from '../api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ?from=&to= from the address; anything that is not a date is ignored. */
export function readDateRange(params: URLSearchParams): DateRange {
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
  };
}

export function dateRangeSearch(range: DateRange): string {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const search = params.toString();
  return search ? `?${search}` : '';
}
