import type { ReactNode } from 'react';

// A web address: http(s):// or www., up to the next space or angle bracket or quote.
const CANDIDATE = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/gi;
// What usually ends a sentence rather than an address.
const TRAILING = /[.,;:!?'\]}>*]+$/;

/** The address without punctuation that ends the sentence, keeping a ")" the address opened. */
function trimEnd(text: string): string {
  let value = text.replace(TRAILING, '');
  while (value.endsWith(')')) {
    const opened = value.split('(').length - 1;
    const closed = value.split(')').length - 1;
    if (closed <= opened) break;
    value = value.slice(0, -1).replace(TRAILING, '');
  }
  return value;
}

/** The link target of an address in the text, or null when it is not a plain web address. */
export function safeHref(text: string): string | null {
  const candidate = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface TextPart {
  text: string;
  /** Set when the part is a web address. */
  href?: string;
}

/** Plain text cut into text and web addresses; nothing in it is ever read as markup. */
export function splitLinks(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of body.matchAll(CANDIDATE)) {
    const text = trimEnd(match[0]);
    const href = text ? safeHref(text) : null;
    if (!href) continue;
    const start = match.index;
    if (start > last) parts.push({ text: body.slice(last, start) });
    parts.push({ text, href });
    last = start + text.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/**
 * A message body as React nodes: text stays text (React escapes it) and web addresses become
 * links that open in a new tab without handing it this page (noopener, noreferrer).
 */
export function linkify(body: string): ReactNode[] {
  return splitLinks(body).map((part, index) =>
    part.href ? (
      <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
        {part.text}
      </a>
    ) : (
      part.text
    ),
  );
}
