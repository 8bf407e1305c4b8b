import type { ScheduleAppointment, ScheduleHours } from '../api/schedule';

/** One row of the location's day grid per half hour. */
export const SLOT_MINUTES = 30;
const SLOT_MS = SLOT_MINUTES * 60_000;
/** With no hours and no visits, the grid shows a working day from 8:00 to 17:00. */
const DEFAULT_FIRST_MS = 8 * 3_600_000;
const DEFAULT_LAST_MS = 17 * 3_600_000;

export type GridCell =
  | { kind: 'appointments'; rowSpan: number; items: ScheduleAppointment[] }
  | { kind: 'open' | 'closed'; rowSpan: 1; startsAt: string }
  /** Covered by an appointment cell above (its rowSpan). */
  | { kind: 'covered' };

export interface DayGrid {
  /** Start instants (ISO) of the rows. */
  rows: string[];
  /** Per column, one entry per row. */
  cells: Map<string, GridCell[]>;
}

/**
 * The rows and cells of a location's day across providers: rows of SLOT_MINUTES from the
 * earliest open hour or visit to the latest (whole slots), each visit placed in the row it
 * starts in and spanning the rows it lasts; visits that overlap in one column share a cell.
 * An empty cell is open when the provider has hours then, so a visit can be booked there.
 */
export function buildDayGrid(input: {
  /** Local midnight of the day (ISO). */
  dayStart: string;
  /** Local midnight of the next day (ISO). */
  dayEnd: string;
  providerIds: string[];
  appointments: ScheduleAppointment[];
  hours: ScheduleHours[];
}): DayGrid {
  const base = Date.parse(input.dayStart);
  const dayLength = Date.parse(input.dayEnd) - base;
  const offsets = [
    ...input.hours.flatMap((w) => [Date.parse(w.startsAt) - base, Date.parse(w.endsAt) - base]),
    ...input.appointments.flatMap((a) => [
      Date.parse(a.startsAt) - base,
      Date.parse(a.endsAt) - base,
    ]),
  ].map((offset) => Math.min(Math.max(offset, 0), dayLength));
  const first = offsets.length ? Math.min(...offsets) : DEFAULT_FIRST_MS;
  const last = offsets.length ? Math.max(...offsets) : DEFAULT_LAST_MS;
  const firstRow = Math.floor(first / SLOT_MS);
  const rowCount = Math.max(1, Math.ceil(last / SLOT_MS) - firstRow);
  const rowStart = (row: number) => base + (firstRow + row) * SLOT_MS;
  const rows = Array.from({ length: rowCount }, (_, row) => new Date(rowStart(row)).toISOString());
  const rowOf = (instant: number, round: (value: number) => number) =>
    Math.min(Math.max(round((instant - base) / SLOT_MS) - firstRow, 0), rowCount);

  const cells = new Map<string, GridCell[]>();
  for (const providerId of input.providerIds) {
    const column: GridCell[] = [];
    const visits = input.appointments
      .filter((a) => a.provider.id === providerId)
      .map((a) => {
        const start = Math.min(rowOf(Date.parse(a.startsAt), Math.floor), rowCount - 1);
        return { a, start, end: Math.max(rowOf(Date.parse(a.endsAt), Math.ceil), start + 1) };
      })
      .sort((x, y) => x.start - y.start);
    const windows = input.hours.filter((w) => w.providerId === providerId);
    let next = 0;
    let row = 0;
    while (row < rowCount) {
      if (next < visits.length && visits[next]!.start === row) {
        const items: ScheduleAppointment[] = [];
        let end = row + 1;
        while (next < visits.length && visits[next]!.start < end) {
          items.push(visits[next]!.a);
          end = Math.max(end, visits[next]!.end);
          next += 1;
        }
        column.push({ kind: 'appointments', rowSpan: end - row, items });
        for (let covered = row + 1; covered < end; covered += 1) column.push({ kind: 'covered' });
        row = end;
        continue;
      }
      const at = rowStart(row);
      const open = windows.some(
        (w) => Date.parse(w.startsAt) <= at && at + SLOT_MS <= Date.parse(w.endsAt),
      );
      column.push({
        kind: open ? 'open' : 'closed',
        rowSpan: 1,
        startsAt: new Date(at).toISOString(),
      });
      row += 1;
    }
    cells.set(providerId, column);
  }
  return { rows, cells };
}
