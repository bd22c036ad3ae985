/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The API server for `npm run dev`; override with OPENNRM_API=http://127.0.0.1:PORT.
const apiTarget = process.env.OPENNRM_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // esbuild compiles JSX with the automatic runtime; no React plugin needed.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything (scripts, styles, images) must be a file served from 'self': the server's CSP forbids inline.
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for server components; harmless in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/readyz': apiTarget,
      '/healthz': apiTarget,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // The long user journeys (the whole login flow, typed key by key) take a few seconds, and far
    // more on a shared two-core build machine; 5 s made them fail under load, not for a fault.
    testTimeout: 20_000,
  },
});
