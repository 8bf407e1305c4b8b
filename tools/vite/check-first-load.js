#!/usr/bin/env node
/**
 * The first-load JavaScript budget, from the build's manifest (dist/.vite/manifest.json):
 * the entry chunk, every chunk it imports statically (transitively), and the named route
 * modules' chunks with their static imports (a page's module and the message bundles its
 * route loads beside it), each gzip-compressed at level 9. Bytes, not timings, so the check
 * is deterministic. Exits 1 when the JavaScript is over budget. The stylesheets those chunks
 * bring are listed too, with the sum of both, outside the budget (the architecture budgets
 * initial JavaScript).
 *
 *   node tools/vite/check-first-load.js --dist apps/web/dist --max-kib 120 \
 *     --route src/features/home/routes/HomePage.tsx --route src/locales/en/home.json
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync, constants as zlib } from 'node:zlib';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    route: { type: 'string', multiple: true, default: [] },
    'max-kib': { type: 'string' },
  },
});
const dist = path.resolve(values.dist);
const budgetKiB = Number(values['max-kib']);
if (!Number.isFinite(budgetKiB) || budgetKiB <= 0) {
  throw new Error('--max-kib must be a positive number');
}
const manifestFile = path.join(dist, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  throw new Error(`${manifestFile} is missing: the Vite build needs build.manifest: true`);
}
/** @type {Record<string, { file: string, isEntry?: boolean, imports?: string[], css?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

const files = new Set();
const stylesheets = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in ${manifestFile}`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) stylesheets.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
}
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0) throw new Error(`no entry chunk in ${manifestFile}`);
for (const key of entries) visit(key);
for (const route of values.route) {
  if (!manifest[route]) {
    throw new Error(
      `${route} has no chunk of its own in the manifest: is the route still loaded lazily?`,
    );
  }
  visit(route);
}

const gzipped = (list) =>
  [...list]
    .map((file) => ({
      file,
      gzip: gzipSync(readFileSync(path.join(dist, file)), { level: zlib.Z_BEST_COMPRESSION })
        .length,
    }))
    .sort((a, b) => b.gzip - a.gzip);
const rows = gzipped([...files].filter((file) => file.endsWith('.js')));
const cssRows = gzipped(stylesheets);
const sum = (list) => list.reduce((bytes, row) => bytes + row.gzip, 0);
const total = sum(rows);

const say = (line) => process.stdout.write(`${line}\n`);
const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
say(`first-load JavaScript (${[...entries, ...values.route].join(' + ')}):`);
for (const row of rows) say(`${kib(row.gzip)} KiB  ${row.file}`);
const verdict = total <= budgetKiB * 1024 ? 'within' : 'OVER';
say(`${kib(total)} KiB gzip in all: ${verdict} the ${budgetKiB} KiB budget`);
for (const row of cssRows)
  say(`${kib(row.gzip)} KiB  ${row.file} (stylesheet, outside the budget)`);
say(`${kib(total + sum(cssRows))} KiB gzip with the stylesheets`);
if (verdict === 'OVER') process.exitCode = 1;
