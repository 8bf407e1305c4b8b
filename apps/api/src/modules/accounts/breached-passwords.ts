import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The breached-password check: a Bloom filter built from the one million most common
 * passwords of public breach corpora (bin/build-breached-passwords.ts), shipped beside this
 * file and loaded once. Nothing is looked up over the network.
 *
 * Two kinds of keys live in the filter:
 * - `p:<password>`: a whole leaked password (canonical form, see `canonical`) of 10 or more
 *   characters that the base rule below would not already catch;
 * - `b:<base>`: the letters-bounded core of each leaked password ("monkey" of "monkey123!",
 *   4 or more characters). A new password is refused when its own core is such a base and
 *   what surrounds it is predictable (a year, up to four digits, a digit sequence or run,
 *   up to three symbols): "Monkey2024!!" or "sunshine123456" pass the length rule but are
 *   among an attacker's first guesses.
 *
 * Each lookup hashes the key once (SHA-256) and probes k bits by double hashing; the filter
 * is sized for a false-positive rate of 1 in 1,000,000 per lookup, and one check makes at
 * most 8 lookups (3 for most passwords), so fewer than 1 in 125,000 acceptable passwords is
 * refused by mistake.
 */

export const BREACHED_FILE_NAME = 'breached-passwords.bloom';
const MAGIC = 'PPBF1';
const HEADER_BYTES = 16; // magic (5) + k (1) + reserved (2) + m bits (4) + n keys (4)
export const FULL_MIN_LENGTH = 10;
export const BASE_MIN_LENGTH = 4;

/** NFKC, lower case, no white space: "Correct Horse" and "correcthorse" are one guess. */
export function canonical(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

const LEET: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/** The letters a password's digits and symbols stand for ("p@ssw0rd"); "1" may be i or l. */
export function unleet(text: string): string[] {
  if (!/[0134579@$!]/.test(text)) return [];
  const mapped = [...text].map((c) => LEET[c] ?? c).join('');
  const variants = mapped.includes('1')
    ? [mapped.replaceAll('1', 'i'), mapped.replaceAll('1', 'l')]
    : [mapped];
  return variants.filter((v) => v !== text);
}

const SEQUENCE = '01234567890';
const REVERSED = '09876543210';

/** Digits an attacker appends first: up to four (years too), a sequence, a run, "121212". */
function predictableDigits(digits: string): boolean {
  if (digits.length <= 4) return true;
  if (SEQUENCE.includes(digits) || REVERSED.includes(digits)) return true;
  return /^(\d{1,4})\1+$/.test(digits);
}

/** What surrounds a base: symbols (three at most in all) around predictable digits, or nothing. */
export function predictableAffixes(prefix: string, suffix: string): boolean {
  let symbols = 0;
  for (const part of [prefix, suffix]) {
    const match = /^([^\p{L}\p{N}]*)(\p{N}*)([^\p{L}\p{N}]*)$/u.exec(part);
    if (!match) return false;
    symbols += [...match[1]!].length + [...match[3]!].length;
    if (match[2] && !predictableDigits(match[2])) return false;
  }
  return symbols <= 3;
}

/** Splits off the non-letters before the first and after the last letter. */
export function splitBase(text: string): { prefix: string; base: string; suffix: string } {
  const match = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/su.exec(text)!;
  return { prefix: match[1]!, base: match[2]!, suffix: match[3]! };
}

export const MAX_LOOKUPS = 8;

/**
 * The keys a new password is looked up under (canonical form `c` of the password): itself,
 * its base when the rest is predictable, the same read as leetspeak, and the unit of a
 * repeated password ("trustno1trustno1").
 */
export function lookupKeys(c: string): string[] {
  const keys = new Set<string>();
  const addWithBase = (text: string) => {
    keys.add(`p:${text}`);
    const { prefix, base, suffix } = splitBase(text);
    if ([...base].length >= BASE_MIN_LENGTH && predictableAffixes(prefix, suffix)) {
      keys.add(`b:${base}`);
      for (const variant of unleet(base)) keys.add(`b:${variant}`);
    }
  };
  addWithBase(c);
  const unit = /^(.{4,}?)\1+$/su.exec(c)?.[1];
  if (unit) addWithBase(unit);
  for (const variant of unleet(c)) keys.add(`p:${variant}`);
  return [...keys].slice(0, MAX_LOOKUPS);
}

export class BloomFilter {
  private constructor(
    readonly bits: Uint8Array,
    readonly m: number,
    readonly k: number,
    readonly n: number,
  ) {}

  /** An empty filter for `n` keys at false-positive rate `fpr` per lookup. */
  static sized(n: number, fpr: number): BloomFilter {
    const m = Math.ceil((-Math.max(n, 1) * Math.log(fpr)) / Math.LN2 ** 2);
    const k = Math.max(1, Math.round((m / Math.max(n, 1)) * Math.LN2));
    return new BloomFilter(new Uint8Array(Math.ceil(m / 8)), m, k, 0);
  }

  static fromBuffer(buffer: Buffer): BloomFilter {
    if (buffer.subarray(0, 5).toString('latin1') !== MAGIC) {
      throw new Error('not a breached-password filter');
    }
    const k = buffer.readUInt8(5);
    const m = buffer.readUInt32LE(8);
    const n = buffer.readUInt32LE(12);
    const bits = new Uint8Array(buffer.buffer, buffer.byteOffset + HEADER_BYTES, Math.ceil(m / 8));
    if (bits.length !== Math.ceil(m / 8)) throw new Error('breached-password filter cut short');
    return new BloomFilter(bits, m, k, n);
  }

  toBuffer(): Buffer {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt8(this.k, 5);
    header.writeUInt32LE(this.m, 8);
    header.writeUInt32LE(this.n, 12);
    return Buffer.concat([header, this.bits]);
  }

  private probe(key: string, visit: (bit: number) => boolean): boolean {
    const digest = hash('sha256', key, 'buffer');
    const h1 = digest.readUInt32LE(0);
    const h2 = (digest.readUInt32LE(4) | 1) >>> 0;
    for (let i = 0; i < this.k; i += 1) {
      // Below 2^53 for any k < 2^20: exact in a double.
      if (!visit((h1 + i * h2) % this.m)) return false;
    }
    return true;
  }

  add(key: string): void {
    this.probe(key, (bit) => {
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
      return true;
    });
    (this as { n: number }).n += 1;
  }

  has(key: string): boolean {
    return this.probe(key, (bit) => (this.bits[bit >>> 3]! & (1 << (bit & 7))) !== 0);
  }
}

let filter: BloomFilter | null = null;

/** The shipped filter, read once (about 2 MB); the build copies it beside the compiled file. */
export function breachedFilter(): BloomFilter {
  filter ??= BloomFilter.fromBuffer(
    readFileSync(fileURLToPath(new URL(`./${BREACHED_FILE_NAME}`, import.meta.url))),
  );
  return filter;
}

/** True when the password, or its predictable decoration of a leaked base, is in the corpus. */
export function isBreached(password: string, bloom: BloomFilter = breachedFilter()): boolean {
  return lookupKeys(canonical(password)).some((key) => bloom.has(key));
}
