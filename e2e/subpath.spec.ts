// A course site hosts the built app under a sub-path: it loads, trains in its worker on the WASM backend with the
// sample data, and after the first visit it still opens and trains offline (the service worker).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readStore, waitForStatus } from './helpers';

const DIST = join(process.cwd(), 'dist');
const SUB = '/some/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

/** The policy the build put in index.html's meta tag, sent as a header too (a header also governs the workers). */
const CONTENT_SECURITY_POLICY = (readFileSync(join(DIST, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '').replaceAll('&#39;', "'");

let server: Server;
let origin = '';
/** Paths the server was asked for, to show that everything came from under the sub-path. */
const served: string[] = [];

/** A plain static host: dist/ under SUB only (anything else is a 404), with the app's policy as a header. */
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    served.push(path);
    if (!path.startsWith(SUB)) return void res.writeHead(404).end('not here');
    const rel = path.slice(SUB.length) || 'index.html';
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

async function trainsOnWasm(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { __objectiveLab?: unknown }).__objectiveLab))).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByTestId('play').click();
  await waitForStatus(page, 'finished');
  const s = await readStore(page);
  expect(s.executionMode).toBe('worker');
  expect(s.run?.backend?.active).toBe('wasm');
  expect(s.run?.steps.length).toBeGreaterThan(0);
}

test.describe('under a sub-path', () => {
  test.use({ serviceWorkers: 'allow' });

  test('dist/ served under /some/sub/path/ loads its assets, worker, wasm and sample data, and trains', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}${SUB}?lab=pop-vs-mf&dataset=tiny&epochs=1&backend=wasm`);
    await trainsOnWasm(page);
    // The sample data's statistics came from the files under the sub-path.
    expect(served.some((p) => p.startsWith(`${SUB}sample-data/tiny/`))).toBe(true);
    expect(served.some((p) => p.startsWith(SUB) && p.endsWith('.wasm'))).toBe(true);
    expect(served.filter((p) => !p.startsWith(SUB) && p !== '/favicon.ico')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('after the first visit it opens and trains offline (service worker, registered without inline script)', async ({ page, context }) => {
    const html = await (await fetch(`${origin}${SUB}`)).text();
    expect(html).toContain('src="./registerSW.js"');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline script: the CSP would refuse it

    // The page itself still loads no tfjs on opening: the service worker precaches it in the background.
    const pageScripts: string[] = [];
    page.on('requestfinished', (r) => r.url().endsWith('.js') && pageScripts.push(new URL(r.url()).pathname.slice(SUB.length)));
    await page.goto(`${origin}${SUB}?lab=pop-vs-mf&dataset=tiny&epochs=1&backend=wasm`);
    // Installed, precached and in control of the page.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 60_000 }).toBe('activated');
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);

    expect(pageScripts.length).toBeGreaterThan(0);
    for (const f of pageScripts) expect(readFileSync(join(DIST, f), 'utf8').includes('Cannot find registered kernel'), `${f} holds tfjs`).toBe(false);

    await context.setOffline(true);
    await page.reload();
    await trainsOnWasm(page);
    await context.setOffline(false);
  });
});
