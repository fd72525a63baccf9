// The KGAT lab's panel: every model's test scores and the ablation, the scores by item popularity and user activity
// (chart and table), and KGAT's attention paths for a user's recommendation as a graph and a list; at 390 px too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

/** The registry's quick settings. */
const QUICK = 'dataset=tiny&epochs=2&embeddingDim=8&batchSize=512&kgBatchSize=1024';

test('a run scores four models on test, draws the ablation and the buckets, and explains a recommendation with paths', async ({ page }) => {
  await openLab(page, `/?lab=kgat&${QUICK}&backend=wasm`);
  await expect(page.getByTestId('kgat-hint')).toContainText('Press ▶ Train');
  await expect(page.getByTestId('kgat-buckets-hint')).toContainText('After a run');
  await expect(page.getByTestId('kgat-explain-hint')).toContainText('After a run');
  await train(page);
  await waitForStatus(page, 'finished');
  expect((await readStore(page)).config.depthSweep).toBe(false);

  // The results: four models, each with a test Recall@20 and NDCG@20, and the note on the official code's NDCG.
  const results = page.getByTestId('kgat-results');
  await expect(results).toHaveAttribute('data-done', 'true');
  await expect(results.getByTestId('kgat-result-row')).toHaveCount(4);
  for (const cell of await results.getByTestId('kgat-test-recall').all()) await expect(cell).toHaveText(/^0\.\d{4}$|^1\.0000$/);
  for (const cell of await results.getByTestId('kgat-test-ndcg').all()) await expect(cell).toHaveText(/^0\.\d{4}$|^1\.0000$/);
  await expect(results.getByTestId('kgat-results-pending')).toHaveCount(0);
  await expect(results.getByTestId('kgat-ndcg-note')).toContainText('official code');

  // The ablation: one bar per model, Recall or NDCG, higher is better.
  const ablation = page.getByTestId('kgat-ablation');
  await expect(ablation).toContainText('↑ higher is better');
  await expect(ablation.locator('.recharts-bar-rectangle')).toHaveCount(4);
  await ablation.getByTestId('kgat-ablation-metric').selectOption('ndcg');
  await expect(ablation).toContainText('test NDCG@20 per model');

  // The buckets: four bars per bucket (one per model), the users' buckets, the gain over BPR-MF, and the table.
  const buckets = page.getByTestId('kgat-buckets');
  await expect(buckets).toHaveAttribute('data-grouping', 'popularity');
  await expect(buckets.locator('.recharts-bar')).toHaveCount(4);
  await expect(buckets.getByTestId('kgat-bucket-list').locator('li').first()).toContainText('items with');
  await buckets.getByTestId('kgat-buckets-grouping').getByLabel('users by activity').check();
  await expect(buckets).toHaveAttribute('data-grouping', 'activity');
  await expect(buckets.getByTestId('kgat-bucket-list').locator('li').first()).toContainText('users with');
  await buckets.getByTestId('kgat-buckets-show').getByLabel('gain over BPR-MF (%)').check();
  await expect(buckets.locator('.recharts-bar')).toHaveCount(3);
  await buckets.getByTestId('chart-table-toggle').click();
  const table = buckets.locator('.chart-table');
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
  await expect(table.locator('thead')).toContainText('held-out interactions');

  // The explanations: a user, their top recommendations, a graph of paths and the same paths as text.
  const explain = page.getByTestId('kgat-explain');
  expect(await explain.getByTestId('kgat-explain-user').locator('option').count()).toBeGreaterThan(0);
  await expect(explain.getByTestId('kgat-explain-user').locator('option').first()).toContainText('training items');
  const items = explain.getByTestId('kgat-explain-item');
  expect(await items.count()).toBeGreaterThan(0);
  await expect(items.first()).toHaveAttribute('aria-pressed', 'true');
  const graph = explain.getByTestId('kgat-graph');
  await expect(graph).toBeVisible();
  expect(Number(await graph.getAttribute('data-edges'))).toBeGreaterThan(0);
  expect(await graph.getByTestId('kgat-node').count()).toBeGreaterThan(2);
  const paths = explain.getByTestId('kgat-path');
  expect(await paths.count()).toBeGreaterThan(0);
  await expect(paths.first()).toContainText(/→ \S.* \(π \d\.\d{3}\) →.*, product \d/);
  // Another recommendation redraws the graph for it.
  if ((await items.count()) > 1) {
    await items.nth(1).click();
    await expect(items.nth(1)).toHaveAttribute('aria-pressed', 'true');
    await expect(explain.getByTestId('kgat-explain-target')).toContainText('#2');
  }

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="kgat-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('with the depth sweep the ablation adds KGAT at L = 1 and 3, and at 390 px the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // d = 32: the sweep's L = 3 halves the layer sizes three times (d, d/2, d/4).
  await openLab(page, `/?lab=kgat&dataset=tiny&epochs=2&embeddingDim=32&batchSize=512&kgBatchSize=1024&depthSweep=true&backend=wasm`);
  await train(page);
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('kgat-result-row')).toHaveCount(6);
  const ablation = page.getByTestId('kgat-ablation');
  await expect(ablation.locator('.recharts-bar-rectangle')).toHaveCount(6);
  await expect(ablation).toContainText('KGAT, L = 3');
  await expect(page.getByTestId('kgat-graph')).toBeVisible();
  expect(await page.getByTestId('kgat-path').count()).toBeGreaterThan(0);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  expect(scroll).toBeLessThanOrEqual(390);
});
