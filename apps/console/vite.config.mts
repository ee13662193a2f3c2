// The console's build: one HTML entry, pages split per route (React.lazy), output in dist/console at the repository
// root (the console server and the container image serve it from there). `npm run console:build` prints the bundle
// budget (scripts/bundle-budget.mjs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `vite` during development: the API goes through the console server (npm start runs it on 3000 + PORT_OFFSET).
    proxy: { '/api': process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
  },
});
