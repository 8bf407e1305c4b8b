import { createHmac, randomBytes } from 'node:crypto';
import { ServerKeys } from './server-keys.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret, base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 6238 code (HMAC-SHA1, 6 digits) for one time step. */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * The step a code matches, allowing one step of clock drift either way, or null.
 * Callers store the step and refuse any step not after it: a code is never accepted twice.
 */
export function matchTotp(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(at);
  for (const step of [now - 1, now, now + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (totpCode(secret, step) === code) return step;
  }
  return null;
}

export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

// --- secrets at rest ----------------------------------------------------------------------

/** How secrets were stored before they were sealed: the base32 text itself. */
const PLAIN_SECRET = /^[A-Z2-7]+=*$/;

/** A TOTP secret as stored: AES-256-GCM under the server key, the key id inside the value. */
export function sealTotpSecret(keys: ServerKeys, secret: string): string {
  return keys.encrypt('totp-secret', secret);
}

/** True for a secret stored before sealing (plain base32): read it, then seal it. */
export function isPlainTotpSecret(stored: string): boolean {
  return PLAIN_SECRET.test(stored);
}

/** The base32 secret from a stored value, sealed or plain; null when no configured key opens it. */
export function openTotpSecret(keys: ServerKeys, stored: string): string | null {
  return isPlainTotpSecret(stored) ? stored : keys.decrypt('totp-secret', stored);
}

/** The stored value under the current key; `current` when it already is, null when unreadable. */
export function resealTotpSecret(keys: ServerKeys, stored: string): string | 'current' | null {
  if (ServerKeys.keyIdOf(stored) === keys.currentKeyId) return 'current';
  const secret = openTotpSecret(keys, stored);
  return secret === null ? null : sealTotpSecret(keys, secret);
}
