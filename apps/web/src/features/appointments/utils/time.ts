/**
 * Appointment times as the patient reads them. The calendar arithmetic in a location's zone
 * (zonedDate, startOfZonedDay, addDays…) is @portal/ui's, shared with the staff app.
 */
import { zonedDate } from '@portal/ui';

const HOUR_MS = 3_600_000;

/** Whole hours between two instants, rounded: the change-online limit, as the API set it. */
export function hoursBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(later) - Date.parse(earlier)) / HOUR_MS);
}

/** Items grouped by the calendar day they start on in their own zone, earliest first. */
export function groupByDay<T>(
  items: readonly T[],
  startsAt: (item: T) => string,
  timeZone: (item: T) => string,
): { date: string; first: T; items: T[] }[] {
  const sorted = [...items].sort((a, b) => Date.parse(startsAt(a)) - Date.parse(startsAt(b)));
  const groups: { date: string; first: T; items: T[] }[] = [];
  const byDate = new Map<string, { date: string; first: T; items: T[] }>();
  for (const item of sorted) {
    const date = zonedDate(startsAt(item), timeZone(item));
    let group = byDate.get(date);
    if (!group) {
      group = { date, first: item, items: [] };
      byDate.set(date, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
