import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

test('moving the k slider spreads the optimal list over more tastes as the user consumes fewer items', async ({ page }) => {
  await openLab(page, '/?lab=consumption&types=4&tastes=long-tail&n=10&value=bernoulli&q=0.3&k=10');
  const optimal = page.getByTestId('explorer-optimal');
  // k = N: everything is consumed, so the best list is all one type (the most likely one).
  await expect(optimal).toHaveAttribute('data-types-used', '1');
  await page.getByTestId('explorer-k').fill('1');
  // k = 1: the user takes one good item, so the list hedges across tastes.
  await expect.poll(async () => Number(await optimal.getAttribute('data-types-used'))).toBeGreaterThan(1);
  await expect(page.getByTestId('explorer-scores')).toContainText('P(at least one good item)');
});

test('an impossible value model is explained, not crashed', async ({ page }) => {
  await openLab(page, '/?lab=consumption&value=pareto&alpha=0.8');
  await expect(page.getByTestId('explorer-messages')).toContainText('alpha');
  await expect(page.getByTestId('explorer')).toBeVisible();
});

test('run trains a model per seed and compares the top 10 with consumption-aware lists, with the spread', async ({ page }) => {
  await openLab(page, '/?lab=consumption&dataset=tiny&trainSeeds=2&warmStartEpochs=3');
  await expect(page.getByTestId('trained-status')).toContainText('Press ▶ Train');
  await train(page);
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('trained-chart')).toHaveAttribute('data-seeds', '2');
  const rows = page.getByTestId('trained-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Top 10 by score');
  await expect(rows.nth(1)).toContainText(/Consumption-aware, c = 1\s*0\.\d{3} ± 0\.\d{3}/);
  // The synthetic world knows each user's tastes, so the distance to them is shown.
  await expect(page.getByTestId('trained-table')).toContainText('JS true');
  const { run } = await readStore(page);
  expect(run!.epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
  expect(run!.epochs[1].values['c1/hit']).toBeGreaterThan(0);
});
