import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A 6-digit code from a CSPRNG, e.g. "042519". */
export function newSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A URL-safe random token of 256 bits (invitations, reset links). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Codes and tokens are stored only as SHA-256 hashes. They are random and short-lived, with
 * attempts counted, so a fast hash is enough (unlike passwords).
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const left = Buffer.from(hashSecret(secret), 'hex');
  const right = Buffer.from(hash, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
