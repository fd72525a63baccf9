// Runs src/cli/benchPage.html in headless Chromium, served by a Vite dev server (no build step needed).
import { createServer as createNetServer } from 'node:net';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type { BrowserBenchOutput } from './benchPage';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { REPO_ROOT } from './repoRoot';


/** A TCP port free right now on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Serves the repo, opens the bench page, waits for `window.__bench` and returns it. */
export async function runBrowserBench(log: (line: string) => void, timeoutMs = 15 * 60_000): Promise<BrowserBenchOutput> {
  const port = await freePort();
  const server = await createServer({
    root: REPO_ROOT,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
    // Pre-bundle the page's dependencies up front, so Vite does not reload the page mid-run on discovering them.
    optimizeDeps: { entries: ['src/cli/benchPage.html'] },
  });
  await server.listen();
  const executablePath = chromiumPath();
  log(`vite on http://127.0.0.1:${port}/, chromium ${executablePath}`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
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
    await browser.close();
    await server.close();
  }
}
