import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { ServerKeys } from '../../common/server-keys.js';

const PURPOSE = 'recovery-code';
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** How codes were stored before they were sealed: unsalted SHA-256, hex. */
const LEGACY_HASH = /^[0-9a-f]{64}$/;

/** Recovery codes read well on paper: 10 characters in two groups, e.g. "k7dq2-m9x4p" (49 bits). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function normalizeRecoveryCode(code: string): string {
  return code.trim().toLowerCase();
}

function digest(salt: Buffer, code: string): Buffer {
  return createHmac('sha256', salt).update(code).digest();
}

/**
 * A code as stored: a salted hash (`s1:salt:digest`) sealed with the server key
 * (ServerKeys.encrypt, AES-256-GCM, key id inside). A stolen table without the key tells
 * nothing, and unlike a keyed hash the value can be sealed again under a new key, so key
 * rotation never voids the codes people keep on paper.
 */
export function sealRecoveryCode(keys: ServerKeys, code: string): string {
  const salt = randomBytes(16);
  return keys.encrypt(
    PURPOSE,
    `s1:${salt.toString('base64url')}:${digest(salt, code).toString('base64url')}`,
  );
}

/** The salted (or, from before sealing, unsalted) hash inside a stored value; null if unreadable. */
function opened(keys: ServerKeys, stored: string): string | null {
  if (LEGACY_HASH.test(stored)) return `sha256:${stored}`;
  return keys.decrypt(PURPOSE, stored);
}

function matches(inner: string | null, code: string): boolean {
  if (!inner) return false;
  const [form, a, b] = inner.split(':');
  let expected: Buffer;
  let actual: Buffer;
  if (form === 's1' && a && b) {
    expected = Buffer.from(b, 'base64url');
    actual = digest(Buffer.from(a, 'base64url'), code);
  } else if (form === 'sha256' && a) {
    expected = Buffer.from(a, 'hex');
    actual = createHash('sha256').update(code).digest();
  } else {
    return false;
  }
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The row whose code this is, or null. Every row is checked whatever matched first, so the
 * time taken says nothing about which code (if any) was right.
 */
export function findRecoveryCode<T extends { codeHash: string }>(
  keys: ServerKeys,
  code: string,
  rows: T[],
): T | null {
  let found: T | null = null;
  for (const row of rows) {
    if (matches(opened(keys, row.codeHash), code) && !found) found = row;
  }
  return found;
}

/**
 * The stored value sealed under the current key (legacy unsalted hashes are sealed as they
 * are); `current` when it already is, null when no configured key opens it.
 */
export function resealRecoveryCode(keys: ServerKeys, stored: string): string | 'current' | null {
  if (ServerKeys.keyIdOf(stored) === keys.currentKeyId) return 'current';
  const inner = opened(keys, stored);
  return inner === null ? null : keys.encrypt(PURPOSE, inner);
}
