import { expect, test, type Page } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

/** The inline widths (percent) of each recommendation's attention segments. */
async function attentionWidths(page: Page): Promise<number[][]> {
  return page
    .getByTestId('ampcf-attention')
    .evaluateAll((bars) => bars.map((bar) => Array.from(bar.children, (seg) => parseFloat((seg as HTMLElement).style.width))));
}

test('a run explains one user: a card per persona, ten recommendations with their attention, and the genre mix', async ({ page }) => {
  await openLab(page, '/?lab=amp-cf&dataset=tiny&epochs=2');
  await expect(page.getByTestId('ampcf-hint')).toContainText('Press ▶ Train');
  await train(page);
  await waitForStatus(page, 'finished');
  const { config } = await readStore(page);

  await expect(page.getByTestId('ampcf-personas')).toHaveAttribute('data-personas', String(config.personas));
  await expect(page.getByTestId('ampcf-user')).toContainText('after epoch 2 of 2');
  // tiny is synthetic, so the user's true taste mix is known and shown.
  await expect(page.getByTestId('ampcf-user')).toContainText(/true taste mix: \w+ \d+%/i);

  const recs = page.getByTestId('ampcf-recs').getByTestId('ampcf-rec');
  await expect(recs).toHaveCount(10);
  await expect(page.getByTestId('ampcf-mf-rec')).toHaveCount(10);
  const widths = await attentionWidths(page);
  expect(widths).toHaveLength(10);
  for (const row of widths) {
    expect(row).toHaveLength(config.personas as number);
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  }
  await expect(page.getByTestId('ampcf-attention').first()).toHaveAttribute('aria-label', /persona 1 \d+%.*p\* = persona \d/);

  const genres = page.getByTestId('ampcf-genres');
  await expect(genres).toBeVisible();
  expect(Number(await genres.getAttribute('data-genres'))).toBeGreaterThan(0);
  await expect(genres.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('ampcf-taste-distance')).toContainText(/AMP-CF 0\.\d{3} · MF 0\.\d{3}/);
  // The synthetic world's true tastes give the persona purity over all users; no sweep was asked for.
  await expect(page.getByTestId('ampcf-truth')).toContainText(/purity is 0\.\d{3}/);
  await expect(page.getByTestId('ampcf-psweep')).toHaveCount(0);
});

test('the P sweep adds a chart and a row for each P = 1 … 6', async ({ page }) => {
  await openLab(page, '/?lab=amp-cf&dataset=tiny&epochs=2&pSweep=true');
  expect((await readStore(page)).config.pSweep).toBe(true);
  await train(page);
  await waitForStatus(page, 'finished');
  const sweep = page.getByTestId('ampcf-psweep');
  await expect(sweep).toHaveAttribute('data-rows', '6');
  await expect(sweep.locator('tbody tr')).toHaveCount(6);
  await expect(sweep.locator('tbody tr').first()).toContainText('1 (MF)');
  await expect(sweep.locator('.recharts-line')).toHaveCount(3);
  await expect(sweep).toContainText('↓ lower is better');
});
