// The Mult-VAE lab: three likelihoods trained side by side in one run, then the test-user views.
import { expect, test } from '@playwright/test';
import { chartPoints, openLab, readStore, train, waitForStatus } from './helpers';

test('the likelihood comparison trains three models side by side and fills the charts and the test views', async ({ page }) => {
  await openLab(page, '/?lab=mult-vae&dataset=tiny&epochs=3&size=tiny&compare=likelihoods&batchSize=50');
  await expect(page.getByTestId('multvae-panel')).toContainText('When training ends');
  await train(page);
  await waitForStatus(page, 'finished');
  // Epochs 0–3, and the NDCG chart shows the three likelihoods and popularity (the DAE series stay hidden).
  expect(await chartPoints(page, 'ndcg')).toBe(4);
  await expect(page.getByTestId('chart-ndcg')).toHaveAttribute('data-series', '4');
  const { run } = await readStore(page);
  const last = run!.epochs.at(-1)!.values;
  for (const v of ['vae-multinomial', 'vae-gaussian', 'vae-logistic']) expect(last[`ndcg@100/${v}`]).toBeGreaterThan(0);
  expect(last['ndcg@100/dae-multinomial']).toBeUndefined();
  await expect(page.getByTestId('multvae-activity')).toBeVisible();
  await expect(page.getByTestId('multvae-accuracy-diversity')).toHaveAttribute('data-points', '4');
  await expect(page.getByTestId('multvae-test-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('multvae-beta-peak')).toContainText('β =');
  await expect(page.getByTestId('results-table')).toContainText('Mult-VAE, logistic');
});

test('a β out of range is refused with a notice naming it, and the default stays', async ({ page }) => {
  await openLab(page, '/?lab=mult-vae&betaCap=7');
  const { config, notices } = await readStore(page);
  expect(config.betaCap).toBe(0.2);
  expect(notices.join(' ')).toContain('betaCap');
});
