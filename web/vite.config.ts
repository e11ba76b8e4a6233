/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a running `kassa serve`; point it elsewhere
// with KASSA_API_URL=http://host:port.
const apiTarget = process.env.KASSA_API_URL ?? 'http://127.0.0.1:8080';
// /__test: the test clock of `kassa serve --unsafe-test-clock` (and of scripts/mock-api.mjs).
const proxiedPaths = ['/api', '/healthz', '/readyz', '/metrics', '/__test'];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The charts' chunk (ECharts' core, bar and line, grid and tooltip: ~530 kB, 180 kB gzipped) loads on the overview only.
    chunkSizeWarningLimit: 600,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            // The overview's charts: loaded by the overview alone, cached apart from the rest.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Whole-app tests click through dialogs; on a busy two-core machine one can pass 5 s.
    testTimeout: 15_000,
  },
});
