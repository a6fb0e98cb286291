import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The server serves the built SPA at /admin/, and the admin GraphQL API at /graphql on the same
// origin. In development Vite proxies /graphql to a local server (`cloudcat dev`, port 8000 unless
// CLOUDCAT_API says otherwise). The Host header is kept as the browser sent it (no
// changeOrigin), so the server's same-origin check on the session cookie passes.
const api = process.env.CLOUDCAT_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    // The plugin settings drawer (rjsf's antd theme with all its widgets, and ajv) is one ~600 KB
    // chunk, loaded only when a settings drawer opens; the first load is checked by `npm run size`.
    chunkSizeWarningLimit: 700,
    // Merge chunks under 20 KB into their neighbours where that loads no code early: a deep link
    // otherwise fetches some 25 tiny chunks, each a request (measured with e2e/bench-tti.mjs).
    rollupOptions: { output: { experimentalMinChunkSize: 20_000 } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', './scripts/summary-reporter.mjs'],
    css: false,
    restoreMocks: true,
    testTimeout: 20000,
  },
});
