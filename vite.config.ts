// Vite config: React app + module web worker; tfjs-wasm binaries are emitted as assets via `?url` imports;
// the built-in datasets in sample-data/ are served (dev) and copied (build) as static files; tfjs never reads
// the page URL; the built page carries its Content-Security-Policy; asset paths are relative, so dist/ works from
// any sub-path; a service worker (vite-plugin-pwa, Workbox) makes the app work offline after the first visit.
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { TFJS_ENVIRONMENT_MODULE, withoutUrlFlags } from './src/core/tf/urlFlags.js';

const SAMPLE_DATA = resolve(import.meta.dirname, 'sample-data');

/** Serves sample-data/ at /sample-data/ in dev, and copies it into dist/ on build (which `vite preview` serves). */
function sampleData(): Plugin {
  const serve = (url: string | undefined, res: import('node:http').ServerResponse, next: () => void) => {
    const path = url?.split('?')[0] ?? '';
    if (!path.startsWith('/sample-data/')) return next();
    const file = normalize(join(SAMPLE_DATA, decodeURIComponent(path.slice('/sample-data/'.length))));
    if (!file.startsWith(SAMPLE_DATA) || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8');
    createReadStream(file).pipe(res);
  };
  let outDir = 'dist';
  let building = false;
  return {
    name: 'objective-lab-sample-data',
    configResolved: (c) => {
      outDir = resolve(c.root, c.build.outDir);
      // Vitest also resolves a config (with a dummy root): only a real `vite build` copies files.
      building = c.command === 'build' && !process.env.VITEST;
    },
    configureServer: (server) => void server.middlewares.use((req, res, next) => serve(req.url, res, next)),
    // writeBundle, not closeBundle: the service worker's precache list is made in closeBundle and must see these files.
    writeBundle: () => {
      if (building) cpSync(SAMPLE_DATA, join(outDir, 'sample-data'), { recursive: true });
    },
  };
}

/**
 * tfjs never reads the page's URL (src/core/tf/urlFlags.ts says why): tfjs-core's URL-flag reading is removed
 * from every bundle, the page's, the worker's and the dev server's dependency bundle, and a build whose output
 * still reads `global.location.search` (tfjs resolved to a file this did not patch) fails.
 */
function tfjsIgnoresUrl(): Plugin {
  return {
    name: 'objective-lab-tfjs-ignores-url',
    enforce: 'pre',
    transform: (code, id) => (TFJS_ENVIRONMENT_MODULE.test(id.split('?')[0]) ? { code: withoutUrlFlags(code), map: null } : null),
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('global.location.search')) {
          this.error(`${chunk.fileName} still reads the page URL for tfjs flags: the tfjs-core patch in src/core/tf/urlFlags.ts did not apply`);
        }
      }
    },
  };
}

/**
 * The Content-Security-Policy of the built app (README, "Hosting and Content-Security-Policy"): its own
 * scripts, module workers and styles; WebAssembly compilation for tfjs-wasm ('wasm-unsafe-eval', no 'unsafe-eval');
 * fetches (sample data, the wasm binaries) from its own origin only; chart images exported through blob: URLs;
 * nothing remote, no plugins, no <base>, no form posts. React and recharts set styles through the CSSOM, which
 * style-src does not govern, so no 'unsafe-inline' is needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy in the built index.html as a meta tag, so a static host needs no configuration. Build only:
 * the dev server injects inline scripts (React refresh) and <style> elements (CSS hot reload), which this
 * policy rightly refuses; loosening it for them would loosen the shipped page too.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'objective-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Offline after the first visit: a Workbox service worker precaches the app shell, every JS chunk (the worker's
 * tfjs included: it is fetched by the service worker in the background, never by the first page), the tfjs-wasm
 * binaries the app can use and the built-in datasets. It is registered by an external `registerSW.js` (no inline
 * script, so the CSP holds) with a relative scope, so it works under any sub-path. No web manifest: the lab works
 * offline, it does not ask to be installed. The threaded wasm binary is left out: it needs cross-origin isolation,
 * which the app does not use (README).
 */
function offline() {
  return VitePWA({
    injectRegister: 'script',
    registerType: 'autoUpdate',
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,wasm}', 'sample-data/**/*.{csv,json}'],
      globIgnores: ['**/tfjs-backend-wasm-threaded-simd*.wasm'],
      // The largest files are the app entry and tfjs (~0.9 MB each) and workshop's interactions (~1.8 MB).
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: 'index.html',
      clientsClaim: true,
      skipWaiting: true,
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  // Relative asset paths: dist/ works from any sub-path (GitHub Pages, a course site), not only from the root.
  base: './',
  plugins: [react(), sampleData(), tfjsIgnoresUrl(), contentSecurityPolicy(), offline()],
  // The worker is bundled on its own and tfjs lives there too.
  worker: { format: 'es', plugins: () => [tfjsIgnoresUrl()] },
  // The dev server pre-bundles tfjs outside the plugin pipeline: patch it there as well.
  optimizeDeps: { rolldownOptions: { plugins: [tfjsIgnoresUrl()] } },
  // `vite preview` (the e2e server) also sends the policy as a header, as README asks of a host that can: a
  // header, unlike the meta tag, also governs the worker script, so the worker is tested under it too.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  // The largest chunks are tfjs (~860 kB minified, loaded lazily by the worker and the fallback) and the entry
  // (~890 kB: React, recharts and the app); first-page.spec.ts holds what index.html loads to 400 kB gzipped.
  // zod and the line that makes it jitless share one chunk: every chunk that parses a schema at load (each lab's
  // defaults) imports it, so jitless is set before the first parse whatever the chunking. With the zod setting in
  // the entry's own body, the shared chunks the lazily loaded panels split off ran their parses first and zod's
  // `new Function` probe tripped the Content-Security-Policy (src/core/zodJitless.ts).
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]core[\\/]zodJitless\.ts$/ }] } } },
  },
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
