import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ServerKeys } from './server-keys.js';

/** A 6-digit code from a CSPRNG, e.g. "042519". */
export function newSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A URL-safe random token of 256 bits (invitations, reset links). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Lookup hash of a high-entropy token (256-bit links, session ids, tickets): SHA-256 is
 * enough there, since nobody can try 2^256 values. Never for short codes: use
 * hashOneTimeCode, whose server key makes a stolen table worthless for guessing.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * A 6-digit code (emailed sign-in code, registration code) as an HMAC under the server key,
 * bound to what it was issued for (`scope`, e.g. the waiting session): a million candidates
 * are nothing to an offline search of a plain hash, but useless without the key.
 */
export function hashOneTimeCode(keys: ServerKeys, scope: string, code: string): string {
  return keys.hmac('one-time-code', `${scope}\u0000${code}`);
}

/** Constant-time check of a code against hashOneTimeCode's output (any configured key). */
export function oneTimeCodeMatches(
  keys: ServerKeys,
  scope: string,
  code: string,
  stored: string,
): boolean {
  return keys.verifyHmac('one-time-code', `${scope}\u0000${code}`, stored);
}
