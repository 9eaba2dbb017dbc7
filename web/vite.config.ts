// The dashboard's build: `vite build web` (scripts/build-web.mjs) writes web/dist, which
// src/http/static.ts serves. Preact's JSX is compiled by Vite's own transformer (Oxc), so no
// Babel preset is needed.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // ECharts alone is ~500 kB minified; the page is served from loopback, not a phone network
    chunkSizeWarningLimit: 1500,
  },
});
