import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

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
