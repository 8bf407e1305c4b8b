import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/**
 * Build plugins shared by both SPAs' Vite configs.
 *
 * - productionLibraries: every library in its production build. React and most libraries pick
 *   it from NODE_ENV; react-router 7 has no export condition for it (its package entry is
 *   always dist/development), so builds alias it to dist/production. The build then fails if
 *   any development build of a library still reaches the output.
 * - precompress: writes `<file>.br` and `<file>.gz` beside every compressible asset, once at
 *   build time, so the server sends them without compressing on each request.
 */

/** A module id from a library's development build (dist/development/, *.development.js). */
const DEVELOPMENT_BUILD =
  /[\\/]node_modules[\\/].*(?:[\\/]development[\\/]|[.-]development\.[cm]?js$)/;

/** @returns {import('vite').Plugin} */
export function productionLibraries() {
  return {
    name: 'portal:production-libraries',
    apply: 'build',
    config(config) {
      const root = path.resolve(config.root ?? process.cwd());
      const require = createRequire(path.join(root, 'package.json'));
      const routerDir = path.dirname(require.resolve('react-router/package.json'));
      return {
        resolve: {
          alias: [
            {
              find: /^react-router$/,
              replacement: path.join(routerDir, 'dist/production/index.mjs'),
            },
            {
              find: /^react-router\/dom$/,
              replacement: path.join(routerDir, 'dist/production/dom-export.mjs'),
            },
          ],
        },
      };
    },
    generateBundle(_options, bundle) {
      const found = new Set();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(output.modules)) {
          if (info.renderedLength > 0 && DEVELOPMENT_BUILD.test(id)) found.add(id);
        }
      }
      if (found.size > 0) {
        this.error(
          `development builds in the production output:\n  ${[...found].join('\n  ')}\n` +
            'Build with NODE_ENV=production, or alias the library to its production build.',
        );
      }
    },
  };
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/**
 * Below this a compressed copy saves less than the bytes of the extra headers; the HTML page,
 * the first thing a phone downloads, is compressed whatever its size.
 */
const MIN_BYTES = 1024;

/** @returns {import('vite').Plugin} */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'portal:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (!COMPRESSIBLE.test(output.fileName)) continue;
        // The bytes as written (a chunk on disk also carries its source map comment).
        const file = path.join(outDir, output.fileName);
        const bytes = readFileSync(file);
        if (bytes.length < MIN_BYTES && !output.fileName.endsWith('.html')) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
              [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION }));
      }
    },
  };
}
