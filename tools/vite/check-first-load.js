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
 *
 * Over budget, or with --explain, it also lists what the first-load JavaScript holds: its
 * bytes by library (node_modules package) or source file, read from the chunks' source maps,
 * each group's generated code gzip-compressed on its own (so an estimate of its share).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync, constants as zlib } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    route: { type: 'string', multiple: true, default: [] },
    'max-kib': { type: 'string' },
    explain: { type: 'boolean', default: false },
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
if (verdict === 'OVER' || values.explain) explain(rows.map((row) => row.file));
if (verdict === 'OVER') process.exitCode = 1;

/** Where a source-mapped source comes from: its npm package, or its path in the repository. */
function origin(source) {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = source.slice(modules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? source);
  }
  return source.replace(/^(\.\.\/)+/, '');
}

function explain(jsFiles) {
  const generated = new Map();
  for (const file of jsFiles) {
    const mapFile = path.join(dist, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const lines = readFileSync(path.join(dist, file), 'utf8').split('\n');
    const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')));
    const mappings = [];
    consumer.eachMapping(
      (mapping) => mappings.push(mapping),
      null,
      SourceMapConsumer.GENERATED_ORDER,
    );
    mappings.forEach((mapping, index) => {
      const next = mappings[index + 1];
      const line = lines[mapping.generatedLine - 1] ?? '';
      const end =
        next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
      const key = mapping.source ? origin(mapping.source) : '(bundler glue, JSON)';
      generated.set(key, (generated.get(key) ?? '') + line.slice(mapping.generatedColumn, end));
    });
  }
  const groups = [...generated]
    .map(([key, code]) => ({
      key,
      gzip: gzipSync(code, { level: zlib.Z_BEST_COMPRESSION }).length,
    }))
    .sort((a, b) => b.gzip - a.gzip);
  say('what it holds (each part gzip-compressed alone):');
  for (const group of groups.slice(0, 25)) say(`${kib(group.gzip)} KiB  ${group.key}`);
}
