// Runs src/cli/benchPage.html in headless Chromium, served by a Vite dev server (no build step needed), then the
// built app itself (appBench.ts): long tasks during a default run, and load to first chart point.
import { createServer as createNetServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { createServer } from 'vite';
import { runAppBench, type AppBenchResult } from './appBench';
import type { BrowserBenchOutput } from './benchPage';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { REPO_ROOT } from './repoRoot';


/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface BrowserBenchParts {
  /** The tfjs step timings of the bench page. */
  steps: boolean;
  /** The built app: smoothness during a default run and load to first point. */
  app: boolean;
}

/** The step timings (unless `parts.steps` is false) and the app measurements (unless `parts.app` is false). */
export async function runBrowserBench(
  log: (line: string) => void,
  parts: BrowserBenchParts = { steps: true, app: true },
): Promise<BrowserBenchOutput & { app?: AppBenchResult[] }> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const bench = parts.steps ? await runBenchPage(browser, log) : { report: { results: [], skipped: [] }, environment: { userAgent: `Chromium ${browser.version()}` } };
    const app = parts.app ? await runAppBench(browser, log, await freePort()) : undefined;
    return { ...bench, app };
  } finally {
    await browser.close();
  }
}

/** Serves the repo, opens the bench page, waits for `window.__bench` and returns it. */
async function runBenchPage(browser: Browser, log: (line: string) => void, timeoutMs = 15 * 60_000): Promise<BrowserBenchOutput> {
  const port = await freePort();
  const server = await createServer({
    root: REPO_ROOT,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
    // Pre-bundle the page's dependencies up front, so Vite does not reload the page mid-run on discovering them.
    optimizeDeps: { entries: ['src/cli/benchPage.html'] },
  });
  await server.listen();
  log(`vite on http://127.0.0.1:${port}/, chromium ${chromiumPath()}`);
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.text().startsWith('[bench] ')) log(`browser: ${m.text().slice(8)}`);
    });
    page.on('pageerror', (e) => log(`browser error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/src/cli/benchPage.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__bench !== undefined || window.__benchError !== undefined, null, {
      timeout: timeoutMs,
      polling: 1000,
    });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`the bench page failed: ${error}`);
    return (await page.evaluate(() => window.__bench)) as BrowserBenchOutput;
  } finally {
    await server.close();
  }
}
