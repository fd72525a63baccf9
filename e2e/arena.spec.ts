// The strategy arena: a researcher scrolls past the weighting lab's sweep to the recorded arena and reads whether
// reformulating beat balancing under each metric family, on a wide screen and on a phone.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

/** The recorded arena the app draws. */
const record = JSON.parse(readFileSync(new URL('../src/core/arena/arena.json', import.meta.url), 'utf8')) as { entries: { strategy: string }[] };

test('the arena places every recorded point on both planes and says per metric how many reformulating points beat balancing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '/?lab=weighting');
  const arena = page.getByTestId('arena-panel');
  await arena.scrollIntoViewIfNeeded();
  const n = String(record.entries.length);
  await expect(page.getByTestId('arena-precision')).toHaveAttribute('data-points', n);
  await expect(page.getByTestId('arena-few')).toHaveAttribute('data-points', n);
  // Side by side on a wide screen, once the page above has its final size (its charts size themselves from a
  // ResizeObserver, a frame or two after they mount).
  const boxes = async () => [await page.getByTestId('arena-precision').boundingBox(), await page.getByTestId('arena-few').boundingBox()];
  await expect.poll(async () => {
    const [a, b] = await boxes();
    return Math.abs(a!.y - b!.y);
  }).toBeLessThan(40);
  const [a, b] = await boxes();
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
  // One table row per reformulating point; each cell a verdict.
  const reformulating = record.entries.filter((e) => e.strategy === 'reformulate').length;
  await expect(page.getByTestId('arena-table').locator('tbody tr')).toHaveCount(reformulating);
  await expect(page.getByTestId('arena-table').locator('td[data-verdict]')).toHaveCount(reformulating * 3);
  for (const metric of ['precision', 'hit', 'consumption@2']) {
    await expect(page.getByTestId('arena-tally').locator(`[data-metric="${metric}"]`)).toHaveAttribute('data-total', String(reformulating));
  }
  // U₂ instead of HR@10 on the second plane.
  await page.getByTestId('arena-pick').selectOption({ label: 'U₂@10' });
  await expect(page.getByTestId('arena-few')).toContainText('U₂@10');
  // The protocol and what was left out, in words.
  await expect(arena).toContainText('weak 80/20 split');
  await expect(arena).toContainText('different protocol');
});

test('on a phone the arena stacks its planes and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '/?lab=weighting');
  await page.getByTestId('arena-panel').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('arena-precision')).toHaveAttribute('data-points', String(record.entries.length));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
