import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { SecretKeys } from '../config/secret-keys.js';

/** What a derived key is for: one subkey per use, so a value made for one use never passes for another. */
export type KeyPurpose = 'csrf' | 'one-time-code' | 'recovery-code' | 'totp-secret' | (string & {});

function derive(key: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `portal:${purpose}`, 32));
}

/**
 * Keyed hashing and encryption with the server keys from configuration (APP_SECRET_KEYS).
 * Values carry the id of the key that made them, so rotation keeps old values readable.
 */
export class ServerKeys {
  private readonly derived = new Map<string, Buffer>();

  constructor(private readonly keys: SecretKeys) {}

  get currentKeyId(): string {
    return this.keys.current.id;
  }

  private subkey(id: string, purpose: KeyPurpose): Buffer | null {
    const cacheKey = `${id}\u0000${purpose}`;
    let sub = this.derived.get(cacheKey);
    if (!sub) {
      const master = this.keys.all.get(id);
      if (!master) return null;
      sub = derive(master, purpose);
      this.derived.set(cacheKey, sub);
    }
    return sub;
  }

  /** HMAC-SHA-256 of the value under the current key, as `keyId$base64url`. */
  hmac(purpose: KeyPurpose, value: string | Buffer): string {
    return `${this.currentKeyId}$${this.hmacWith(this.currentKeyId, purpose, value)}`;
  }

  /** True when `stored` (from hmac) is the HMAC of `value` under any configured key. */
  verifyHmac(purpose: KeyPurpose, value: string | Buffer, stored: string): boolean {
    const separator = stored.indexOf('$');
    if (separator < 1) return false;
    const id = stored.slice(0, separator);
    const expected = this.hmacWith(id, purpose, value);
    return expected !== null && constantTimeEqual(expected, stored.slice(separator + 1));
  }

  private hmacWith(id: string, purpose: KeyPurpose, value: string | Buffer): string | null {
    const sub = this.subkey(id, purpose);
    return sub ? createHmac('sha256', sub).update(value).digest('base64url') : null;
  }

  /** AES-256-GCM under the current key: `v1.keyId.iv.tag.ciphertext`, all base64url. */
  encrypt(purpose: KeyPurpose, plaintext: string): string {
    const id = this.currentKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.subkey(id, purpose)!, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', id, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or null when the value is malformed, tampered with or under an unknown key. */
  decrypt(purpose: KeyPurpose, sealed: string): string | null {
    const [version, id, iv, tag, body] = sealed.split('.');
    if (
      version !== 'v1' ||
      !id ||
      !iv ||
      !tag ||
      body === undefined ||
      sealed.split('.').length !== 5
    )
      return null;
    const sub = this.subkey(id, purpose);
    if (!sub) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', sub, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** The id of the key a sealed value was made with (to find values still under an old key). */
  static keyIdOf(sealed: string): string | null {
    const parts = sealed.split('.');
    return parts.length === 5 ? (parts[1] ?? null) : null;
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  // Compare HMACs of both sides so timing reveals nothing about length or content.
  const key = randomBytes(16);
  const left = createHmac('sha256', key).update(a).digest();
  const right = createHmac('sha256', key).update(b).digest();
  return left.equals(right) && a.length === b.length;
}
