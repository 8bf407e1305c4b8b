import { VisuallyHidden } from '@portal/ui';
import type { ReactNode } from 'react';

/*
 * Message bodies are plain text. Web addresses in them become links, built as React elements
 * (never HTML), so nothing the text holds can become markup: `<script>` stays the eight
 * characters it is. Only http and https addresses are linked; each opens in a new tab without
 * handing the portal's page to the site (rel="noopener noreferrer").
 */

const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?'"\])}>]+$/;

/** The address as written, less trailing punctuation (a closing bracket it opened stays). */
function trimAddress(candidate: string): string {
  let address = candidate.replace(TRAILING, '');
  const rest = candidate.slice(address.length);
  // "(see https://example.org/a_(b))": keep the brackets the address itself opened.
  for (const character of rest) {
    if (character !== ')') break;
    const opened = (address.match(/\(/g) ?? []).length;
    const closed = (address.match(/\)/g) ?? []).length;
    if (opened <= closed) break;
    address += character;
  }
  return address;
}

function safeHref(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The text as React children: its strings as they are, its web addresses as links. */
export function linkify(text: string, newTabNote: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let position = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimAddress(match[0]);
    const href = safeHref(address);
    if (!href) continue;
    const start = match.index;
    if (start > position) parts.push(text.slice(position, start));
    parts.push(
      <a key={`${start}`} href={href} target="_blank" rel="noopener noreferrer">
        {address}
        <VisuallyHidden> {newTabNote}</VisuallyHidden>
      </a>,
    );
    position = start + address.length;
  }
  if (position < text.length) parts.push(text.slice(position));
  return parts;
}
