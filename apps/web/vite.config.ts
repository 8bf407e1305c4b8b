import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress, productionLibraries } from '../../tools/vite/portal-build.js';

/**
 * The app's translations runtime stands in for react-i18next (src/lib/react-i18n.tsx; the
 * Jest config maps the same name), so components and @portal/auth-ui keep their imports.
 * i18next itself is for types only: a runtime import of it fails the build.
 */
const reactI18n = fileURLToPath(new URL('./src/lib/react-i18n.tsx', import.meta.url));
function noI18nextRuntime(): Plugin {
  return {
    name: 'portal:no-i18next-runtime',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'i18next' || source.startsWith('i18next/')) {
        this.error(
          `${importer ?? 'a module'} imports i18next at run time; the patient app's translations ` +
            'come from src/lib/i18n.ts (import only its types from i18next).',
        );
      }
      return null;
    },
  };
}

// The API serves this build at `/`. During `vite` development, /api goes to a locally running API
// (PORTAL_API_URL, default http://127.0.0.1:3000) so cookies stay same-origin.
export default defineConfig({
  base: '/',
  plugins: [noI18nextRuntime(), react(), productionLibraries(), precompress()],
  resolve: {
    alias: [{ find: /^react-i18next$/, replacement: reactI18n }],
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    // Read by the first-load budget check (tools/vite/check-first-load.js); never served.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically in one chunk: one request, and gzip sees it
          // whole (2.3 KiB less than the five chunks the automatic split made). Pages, their
          // messages and the idle logoff stay chunks of their own, loaded when needed.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
