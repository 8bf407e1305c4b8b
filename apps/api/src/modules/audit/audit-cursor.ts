import { UUID_PATTERN } from '../../common/validation.js';
/** A position in the audit trail, newest first: the (occurred_at, id) of the last row seen. */
export interface AuditCursor {
  /** occurred_at as PostgreSQL wrote it, to the microsecond, so no row is skipped or repeated. */
  occurredAt: string;
  id: string;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.occurredAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The position, or null when the text is not a cursor this API handed out. */
export function decodeCursor(text: string): AuditCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const [occurredAt = '', id = '', extra] = Buffer.from(text, 'base64url')
    .toString('utf8')
    .split('|');
  if (extra !== undefined || !TIME.test(occurredAt) || !UUID_PATTERN.test(id)) return null;
  // Round-trips only for a real instant (no 30 February), in a range PostgreSQL accepts.
  const time = new Date(occurredAt);
  if (Number.isNaN(time.getTime()) || time.toISOString().slice(0, 23) !== occurredAt.slice(0, 23))
    return null;
  if (time.getUTCFullYear() < 1970) return null;
  return { occurredAt, id };
}
