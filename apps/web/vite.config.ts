import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress, productionLibraries } from '../../tools/vite/portal-build.js';

// The API serves this build at `/`. During `vite` development, /api goes to a locally running API
// (PORTAL_API_URL, default http://127.0.0.1:3000) so cookies stay same-origin.
export default defineConfig({
  base: '/',
  plugins: [react(), productionLibraries(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    // Read by the first-load budget check (tools/vite/check-first-load.js); never served.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000',
    },
  },
});
