import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { outboxDir } from './env.js';

/** One email the portal wrote to DATA_DIR/outbox, decoded enough for a spec to follow it. */
export interface OutboxEmail {
  file: string;
  /** When the file was written. */
  writtenAt: Date;
  /** Header names in lower case, values unfolded and decoded. */
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Every http(s) link in the text part, in order. */
  links: string[];
  raw: string;
}

export interface NewestEmailOptions {
  /** Only mail to this address (case-insensitive substring of the To header). */
  to?: string;
  /** Only mail written at or after this moment (e.g. `Date.now()` before the action). */
  since?: Date | number;
  /** How long to wait for the email (it is sent by a queue job). Default 15 s. */
  timeoutMs?: number;
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=), as in a long or non-ASCII Subject. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?[^?]+\?([bqBQ])\?([^?]*)\?=/g, (_match, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(input: string): string {
  const bytes: number[] = [];
  const text = input.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parsePart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  const head = split === -1 ? normalized : normalized.slice(0, split);
  const body = split === -1 ? '' : normalized.slice(split + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(
        line.slice(colon + 1).trim(),
      );
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

/** Depth-first: the leaf parts of a (possibly multipart) message. */
function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => leaves(parsePart(section.replace(/^\n/, ''))));
}

/** Parses an RFC 5322 message as nodemailer writes it (plain, or multipart text + html). */
export function parseEmail(raw: string, file = '', writtenAt = new Date(0)): OutboxEmail {
  const message = parsePart(raw);
  const parts = leaves(message);
  const byType = (type: string) =>
    parts.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type));
  const textPart = byType('text/plain');
  const htmlPart = byType('text/html');
  const text = textPart ? decodeBody(textPart).trimEnd() : '';
  return {
    file,
    writtenAt,
    headers: message.headers,
    from: message.headers.from ?? '',
    to: message.headers.to ?? '',
    subject: message.headers.subject ?? '',
    text,
    html: htmlPart ? decodeBody(htmlPart) : null,
    // A link at the end of a sentence keeps its URL, not the full stop.
    links: (text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).map((link) =>
      link.replace(/[.,;:!?]+$/, ''),
    ),
    raw,
  };
}

/** Every email in the outbox, oldest first. */
export async function listEmails(): Promise<OutboxEmail[]> {
  const dir = outboxDir();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const emails = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      return parseEmail(raw, file, info.mtime);
    }),
  );
  // File names start with an ISO timestamp; the modification time breaks no ties they leave.
  return emails.sort(
    (a, b) => a.writtenAt.getTime() - b.writtenAt.getTime() || a.file.localeCompare(b.file),
  );
}

/**
 * The newest email in the outbox matching the options, waiting for it to arrive (mail is
 * sent by a queue worker, a moment after the request that caused it).
 */
export async function readNewestEmail(options: NewestEmailOptions = {}): Promise<OutboxEmail> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const since = options.since === undefined ? 0 : new Date(options.since).getTime();
  const to = options.to?.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matching = (await listEmails()).filter(
      // file systems store mtime in whole or partial seconds; allow a second of slack
      (email) =>
        email.writtenAt.getTime() >= since - 1_000 && (!to || email.to.toLowerCase().includes(to)),
    );
    const newest = matching.at(-1);
    if (newest) return newest;
    if (Date.now() >= deadline) {
      throw new Error(
        `No email${options.to ? ` to ${options.to}` : ''} arrived in ${outboxDir()} within ${timeoutMs / 1000} s.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
