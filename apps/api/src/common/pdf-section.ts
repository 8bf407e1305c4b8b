import { DateTime } from 'luxon';

/**
 * What a record kind's PDF section is written with (record-export's RecordPdf provides it):
 * table columns, the few block operations, and the words dates and statuses are printed in.
 */

export interface PdfColumn {
  title: string;
  width: number;
  /** Long text wraps onto more lines; the others are kept to one line. */
  wrap?: boolean;
}

/** The operations a section written record by record uses. */
export interface PdfBlocks {
  subheading(text: string): void;
  paragraph(text: string, options?: { bold?: boolean; label?: string }): void;
}

/** A calendar date (YYYY-MM-DD) written out, like "April 12, 1968". */
export function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('LLLL d, yyyy');
}

const STATUS_WORDS: Record<string, string> = {
  active: 'Active',
  recurrence: 'Came back',
  inactive: 'Inactive',
  remission: 'In remission',
  resolved: 'Resolved',
  completed: 'Given',
  'not-done': 'Not given',
  stopped: 'Stopped',
};

/** A record's status as the PDF writes it. */
export const statusInWords = (status: string) => STATUS_WORDS[status] ?? status;

export const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
