import type { AccessLogEntry } from '../api';

/**
 * One staff action (opening the record, entering a result) makes many rows: every read and
 * write of each part of the record is audited. A patient reads one entry per sitting instead:
 * rows next to each other in the newest-first list, by the same person, each within this long
 * of the one before.
 */
export const SITTING_GAP_MS = 10 * 60_000;

export interface Visit {
  /** The rows of the sitting, newest first, as the API gave them. */
  entries: AccessLogEntry[];
  /** The one that says best what happened: a change, else a download, else the first read. */
  lead: AccessLogEntry;
  /** Index in the whole list of the sitting's first (newest) row. */
  firstIndex: number;
  /** The sitting's first and last moments. */
  from: string;
  to: string;
}

const CHANGES =
  /\.(create|update|release|book|reschedule|cancel|status|import|grant|send|resend|revoke)$/;
const DOWNLOADS = /\.(pdf|fhir|attachment|calendar)$/;

function weight(action: string): number {
  if (CHANGES.test(action)) return 2;
  if (DOWNLOADS.test(action)) return 1;
  return 0;
}

export function groupVisits(entries: readonly AccessLogEntry[]): Visit[] {
  const visits: Visit[] = [];
  entries.forEach((entry, index) => {
    const current = visits[visits.length - 1];
    const previous = current?.entries[current.entries.length - 1];
    const sameSitting =
      current !== undefined &&
      previous !== undefined &&
      previous.staffName === entry.staffName &&
      previous.staffRoles.join() === entry.staffRoles.join() &&
      Date.parse(previous.occurredAt) - Date.parse(entry.occurredAt) <= SITTING_GAP_MS;
    if (!sameSitting) {
      visits.push({
        entries: [entry],
        lead: entry,
        firstIndex: index,
        from: entry.occurredAt,
        to: entry.occurredAt,
      });
      return;
    }
    current.entries.push(entry);
    current.from = entry.occurredAt;
    // A heavier row leads; among changes (or downloads) the oldest, what the sitting was for;
    // among reads only, the newest stays.
    const heavier = weight(entry.action) - weight(current.lead.action);
    if (heavier > 0 || (heavier === 0 && weight(entry.action) > 0)) current.lead = entry;
  });
  return visits;
}
