// A person opens the lab on a phone and on a laptop: nothing scrolls sideways, Train and the charts show; on a
// phone nothing scrolls sideways while a run is going either.
import { expect, test, type Page } from '@playwright/test';
import { lastStep, openLab, readStore, train, waitForStatus } from './helpers';

const readStatus = async (page: Page) => (await readStore(page)).status;

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
];

/** Whether the page is wider than the window (1 px of slack for sub-pixel rounding). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth + 1);

for (const vp of VIEWPORTS) {
  test(`at ${vp.width}×${vp.height} (${vp.name}) the page does not scroll sideways, before and after a run`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await openLab(page, '/?dataset=tiny&epochs=2&backend=wasm');

    const play = page.getByTestId('play');
    await expect(play).toBeVisible();
    await expect(page.getByTestId('chart-loss')).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: testInfo.outputPath(`${vp.name}-before.png`), fullPage: true });

    // Filled charts and the results table must fit too.
    await train(page);
    await waitForStatus(page, 'finished');
    await expect(page.getByTestId('results-table')).toBeVisible();
    await expect(page.getByTestId('chart-loss')).not.toHaveAttribute('data-points', '0');
    await page.getByTestId('chart-loss').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-loss')).toBeInViewport();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: testInfo.outputPath(`${vp.name}-after.png`), fullPage: true });
  });
}

test('at 390×844 nothing scrolls sideways DURING a run: the progress text wraps and the header keeps its height', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // workshop, several epochs: long enough to look at the page many times while it trains.
  await openLab(page, '/?dataset=workshop&epochs=30&backend=wasm');
  const header = page.locator('header');
  const headerHeight = async () => (await header.boundingBox())!.height;
  const before = await headerHeight();
  await train(page);
  await waitForStatus(page, 'running');
  const text = page.getByTestId('progress-text');
  await expect(text).toContainText('step');
  // Read while it trains: after the warm-up the time left shows; before it, "estimating".
  const seen = new Set<string>();
  for (let k = 0; k < 12; k++) {
    expect(await scrollsSideways(page), `sideways scroll during the run (${await text.textContent()})`).toBe(false);
    expect(await headerHeight()).toBe(before);
    seen.add((await text.textContent()) ?? '');
    if ((await readStatus(page)) !== 'running') break;
    // Next look once the run has moved on (never a fixed wait).
    const prev = await lastStep(page);
    await expect.poll(async () => (await lastStep(page)) > prev || (await readStatus(page)) !== 'running').toBe(true);
  }
  expect([...seen].some((t) => /estimating time left|left|almost done/.test(t))).toBe(true);
  const box = (await text.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('phone-during-run.png'), fullPage: false });
  // A backend note (the skipped backends) appears after the first run starts: the header still did not grow.
  await page.getByTestId('reset').click();
  expect(await headerHeight()).toBe(before);
  expect(await scrollsSideways(page)).toBe(false);
});
