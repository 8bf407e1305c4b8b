import type { OpenSlot, TimeWindow } from '../api';
import { addDays, zonedDate } from '@portal/ui';

export interface ShownDay {
  /** YYYY-MM-DD */
  date: string;
  items: OpenSlot[];
}

export interface ShownTimes {
  days: ShownDay[];
  /** The last day shown in full: what the header says. */
  lastDay: string;
  /** Where "later times" starts: the day after the last one shown in full. */
  nextDay: string;
}

/**
 * What the list shows of one answer. When the API stopped at its limit, the last day it reached
 * may be cut short: that day is left for "later times", which starts on it, so every day shown
 * is whole and the header's range is what is on screen. Each time falls on its day in its own
 * location's zone.
 */
export function shownTimes(
  range: Pick<TimeWindow, 'firstDay' | 'lastDay'>,
  slots: readonly OpenSlot[],
  limit: number,
): ShownTimes {
  const dated = slots.map((slot) => ({
    slot,
    date: zonedDate(slot.startsAt, slot.location.timeZone),
  }));
  let lastDay = range.lastDay;
  let kept = dated;
  if (slots.length >= limit && dated.length) {
    const reached = dated.reduce((latest, item) => (item.date > latest ? item.date : latest), '');
    const whole = dated.filter((item) => item.date < reached);
    // A single day with more times than one answer holds is shown as far as it goes.
    if (whole.length) {
      kept = whole;
      lastDay = addDays(reached, -1);
    } else {
      lastDay = reached;
    }
  }
  const byDate = new Map<string, OpenSlot[]>();
  for (let date = range.firstDay; date <= lastDay; date = addDays(date, 1)) {
    byDate.set(date, []);
  }
  for (const { slot, date } of kept) {
    // A time just past midnight in another location's zone still belongs to its own day.
    const items = byDate.get(date) ?? [];
    items.push(slot);
    byDate.set(date, items);
  }
  const days = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, items]) => ({
      date,
      items: items.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)),
    }));
  return { days, lastDay, nextDay: addDays(lastDay, 1) };
}
