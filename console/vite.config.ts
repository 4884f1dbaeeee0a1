// Builds the web console into dist/console, which the hub serves at `/` (with an index.html fallback for SPA routes).
// Paths are relative to the package root because `npm run build:console` always runs there.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'console',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    // The hub's CSP is self-only: keep every asset a same-origin file (no inlined data: module scripts).
    assetsInlineLimit: 0,
  },
  server: {
    // `npx vite --config console/vite.config.ts` during development: the API comes from a hub on its default port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
