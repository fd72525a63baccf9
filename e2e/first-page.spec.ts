// The first page's weight: what index.html loads (entry, preloads, CSS) stays under budget and holds no tfjs, and
// opening the app fetches no tfjs chunk until training needs it. Sizes are read from the built files, never timed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const DIST = join(process.cwd(), 'dist');
/** All JS + CSS that index.html loads, gzipped (level 9, as a static host would serve it). */
const BUDGET_BYTES = 400 * 1024;
/** A string only tfjs-core's engine holds: a chunk that has it carries tfjs. */
const TFJS_MARKER = 'Cannot find registered kernel';

/** The files index.html loads before anything is drawn: its module scripts, modulepreloads and stylesheets. */
function firstPageFiles(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\srel="(?:modulepreload|stylesheet)"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]);
  return refs.filter((r) => /\.(js|css)$/.test(r)).map((r) => r.replace(/^(\.\/|\/)/, ''));
}

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

test('the first page loads at most 400 kB gzipped of JS and CSS, none of it tfjs', () => {
  const files = firstPageFiles();
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  expect(files.some((f) => f.endsWith('.css'))).toBe(true);
  const sizes = files.map((f) => ({ f, gz: gzipped(f) }));
  const total = sizes.reduce((a, s) => a + s.gz, 0);
  test.info().annotations.push({ type: 'first page', description: `${(total / 1024).toFixed(1)} kB gzipped: ${sizes.map((s) => `${s.f} ${(s.gz / 1024).toFixed(1)}`).join(', ')}` });
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  for (const f of files.filter((x) => x.endsWith('.js'))) expect(readFileSync(join(DIST, f), 'utf8').includes(TFJS_MARKER), `${f} holds tfjs`).toBe(false);
});

test('the marker means something: some built chunk holds tfjs (the ones training loads lazily)', () => {
  const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  expect(chunks.some((f) => readFileSync(join(DIST, 'assets', f), 'utf8').includes(TFJS_MARKER))).toBe(true);
});

test('opening the app fetches no tfjs until a run needs it; training then loads it in the worker', async ({ page }) => {
  const scripts: string[] = [];
  page.on('requestfinished', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname.replace(/^\//, ''));
  });
  await page.goto('/?lab=pop-vs-mf&dataset=tiny&epochs=1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const onLoad = [...scripts];
  expect(onLoad.length).toBeGreaterThan(0);
  for (const f of onLoad) expect(readFileSync(join(DIST, f), 'utf8').includes(TFJS_MARKER), `${f} fetched on load holds tfjs`).toBe(false);
  // Training still works: the worker loads tfjs itself (its requests are not the page's).
  await page.getByTestId('play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
});
