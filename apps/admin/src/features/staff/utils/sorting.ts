import type { StaffMember } from '../api/staff';

export const SORT_KEYS = ['name', 'username', 'status', 'created'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export function isSortKey(value: string | null): value is SortKey {
  return (SORT_KEYS as readonly (string | null)[]).includes(value);
}

const VALUE: Record<SortKey, (member: StaffMember) => string> = {
  name: (member) => member.displayName,
  username: (member) => member.username,
  status: (member) => member.status,
  created: (member) => member.createdAt,
};

/** A sorted copy; ties keep the username order, so the list never jumps between renders. */
export function sortStaff(
  members: readonly StaffMember[],
  key: SortKey,
  order: SortOrder,
  locale: string,
): StaffMember[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const direction = order === 'asc' ? 1 : -1;
  return [...members].sort(
    (a, b) =>
      direction * collator.compare(VALUE[key](a), VALUE[key](b)) ||
      collator.compare(a.username, b.username),
  );
}
