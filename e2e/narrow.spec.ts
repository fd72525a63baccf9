// A person opens the lab on a phone and on a laptop: nothing scrolls sideways, Train and the charts show.
import { expect, test, type Page } from '@playwright/test';
import { openLab, train, waitForStatus } from './helpers';

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
