// Vite config: React app + module web worker; tfjs-wasm binaries are emitted as assets via `?url` imports.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report feeds the 'N passed, N failed' line that .ci/run prints at the end.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
