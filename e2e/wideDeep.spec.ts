import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

const QUICK = 'dataset=tiny&epochs=2&impressionsPerUser=40';

test('a run draws the error grid with its planted rings, a tooltip per cell, the sizes and the memorisation split', async ({ page }) => {
  await openLab(page, `/?lab=wide-deep&${QUICK}`);
  await expect(page.getByTestId('wd-hint')).toContainText('Press ▶ Train');
  await train(page);
  await waitForStatus(page, 'finished');
  expect((await readStore(page)).config.crossSweep).toBe(false);

  // tiny is a synthetic world with planted exceptions: they are ringed, and the true probability can be picked.
  const grid = page.getByTestId('wd-error-grid');
  await expect(grid).toBeVisible();
  const cells = grid.getByTestId('wd-grid');
  expect(Number(await cells.getAttribute('data-rows'))).toBeGreaterThan(1);
  expect(Number(await cells.getAttribute('data-columns'))).toBeGreaterThan(1);
  const planted = grid.getByTestId('wd-cell-planted');
  expect(await planted.count()).toBeGreaterThan(0);
  await expect(planted.first()).toHaveCSS('box-shadow', /rgb\(17, 24, 39\)/);
  await expect(grid).toContainText('Ringed: the planted exceptions');
  await expect(page.getByTestId('wd-grid-legend')).toContainText('predicted − observed click rate');

  // Hovering a planted cell names it and gives its counts, the observed rate and each model's prediction.
  await planted.first().hover();
  const tip = page.getByTestId('wd-grid-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('planted exception');
  await expect(tip).toContainText(/test impressions\s*\d+/);
  await expect(tip).toContainText(/observed rate\s*\d+\.\d%/);
  for (const m of ['wide', 'deep', 'joint', 'ensemble']) await expect(tip).toContainText(`${m} predicts`);
  await expect(tip).toContainText('true probability');

  // The grid as drawn (the axe spec checks every chart as its table) passes axe too.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="wd-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // Switching the model recolours the cells.
  const colours = () => cells.locator('.wd-cell:not(.wd-cell-empty)').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.backgroundColor).join('|'));
  const before = await colours();
  await page.getByTestId('wd-model-picker').getByLabel('wide').check();
  await expect.poll(colours).not.toBe(before);
  await page.getByTestId('wd-model-picker').getByLabel('true probability').check();
  await expect(page.getByTestId('wd-model-picker').getByLabel('true probability')).toBeChecked();

  // The keyboard reaches the cells too.
  await page.mouse.move(0, 0);
  await cells.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tip).toBeVisible();

  // The table view lists the planted cells first.
  await grid.getByTestId('chart-table-toggle').click();
  await expect(grid.locator('tbody tr').first()).toContainText('✓ planted');

  // Sizes: a parameter count for every model; the split: three buckets.
  for (const m of ['wide', 'deep', 'joint', 'ensemble']) await expect(page.getByTestId(`wd-params-${m}`)).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId('wd-blend')).toContainText('ℓ');
  await expect(page.getByTestId('wd-split-bucket')).toHaveCount(3);
  await expect(page.getByTestId('wd-sweep')).toHaveCount(0);
  await expect(page.getByTestId('wd-sweep-hint')).toContainText('crossSweep');
});

test('the crosses sweep draws test AUC against parameters for joint and the ensemble', async ({ page }) => {
  await openLab(page, `/?lab=wide-deep&${QUICK}&crossSweep=true`);
  expect((await readStore(page)).config.crossSweep).toBe(true);
  await train(page);
  await waitForStatus(page, 'finished');
  const sweep = page.getByTestId('wd-sweep');
  await expect(sweep).toHaveAttribute('data-rows', '7');
  await expect(sweep.locator('.recharts-scatter')).toHaveCount(2);
  await expect(sweep).toContainText('↑ higher is better');
  await expect(sweep).toContainText('N=0');
  // The exceptions are where the crosses matter: the metric picker plots their log-loss (lower is better).
  await sweep.getByTestId('wd-sweep-metric').selectOption('exceptionLogloss');
  await expect(sweep).toContainText('↓ lower is better');
  await expect(sweep.locator('.recharts-scatter')).toHaveCount(2);
  await sweep.getByTestId('chart-table-toggle').click();
  await expect(sweep.locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('wd-sweep-hint')).toHaveCount(0);
});

test('at 390 px the panel does not scroll the page sideways; the grid scrolls in its own box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // With the sweep on: its chart head holds two pickers, the direction and the table toggle.
  await openLab(page, `/?lab=wide-deep&${QUICK}&crossSweep=true`);
  await train(page);
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('wd-error-grid')).toBeVisible();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
});

test('its lesson runs every step on tiny, each watched view present and each explanation quoting the record', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page, '/?backend=wasm');
  await page.getByTestId('start-lesson-wide-deep').click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toBeVisible();
  const steps = 4;
  for (let i = 1; i <= steps; i++) {
    await expect(lesson).toHaveAttribute('data-step', String(i));
    await page.getByTestId('lesson-apply-train').click();
    await expect(page.getByTestId('lesson-explanation')).toBeVisible({ timeout: 120_000 });
    const s = await readStore(page);
    expect(s.status).toBe('finished');
    expect(s.config.dataset).toBe('tiny');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-lesson-watch]')?.getAttribute('data-testid') ?? null)).not.toBeNull();
    await expect(page.getByTestId('lesson-explanation')).not.toContainText('not yet measured');
    if (i < steps) await page.getByTestId('lesson-next').click();
  }
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
  await expect(page.getByTestId('wd-sweep')).toBeVisible();
});
