import {
  DEFAULT_VIEW,
  INBOX_VIEWS,
  MESSAGE_CATEGORIES,
  WAITING_HOURS,
  type InboxFilters,
  type InboxView,
  type MessageCategory,
} from '../api/inbox';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly (string | null)[]).includes(value) ? (value as T) : undefined;
}

/** The inbox's view and filters from the address (?view=&pool=&category=&waiting=). */
export function readInboxFilters(params: URLSearchParams): InboxFilters {
  const pool = params.get('pool');
  const waiting = Number(params.get('waiting'));
  return {
    view: oneOf<InboxView>(INBOX_VIEWS, params.get('view')) ?? DEFAULT_VIEW,
    poolId: pool && UUID.test(pool) ? pool : undefined,
    category: oneOf<MessageCategory>(MESSAGE_CATEGORIES, params.get('category')),
    waitingAtLeastHours: (WAITING_HOURS as readonly number[]).includes(waiting)
      ? waiting
      : undefined,
  };
}

/** The address's search for a view and filters; the default view and empty filters left out. */
export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.view !== DEFAULT_VIEW) params.set('view', filters.view);
  if (filters.poolId) params.set('pool', filters.poolId);
  if (filters.category) params.set('category', filters.category);
  if (filters.waitingAtLeastHours) params.set('waiting', String(filters.waitingAtLeastHours));
  const search = params.toString();
  return search ? `?${search}` : '';
}
