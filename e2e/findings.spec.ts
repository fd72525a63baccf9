// Measured findings in the About panel: a person re-runs a headline finding's quick check in the browser and
// reads the new numbers, and whether the relation held, beside the recorded ones; a full re-run can be cancelled.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

interface Recorded {
  findings: Record<string, { values: Record<string, { mean: number; sd: number; perSeed: number[] }>; held: boolean }>;
}

const ID = 'weighting.noisy-weight-dvao';

test('the quick re-run of a weighting finding shows its new values and "held" beside the recorded ones', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const record = JSON.parse(await readFile('src/core/labs/findings.json', 'utf8')) as Recorded;
  const rec = record.findings[ID];
  await openLab(page, '/?lab=weighting&backend=wasm');
  await page.getByTestId('findings').locator('summary').click();
  const item = page.getByTestId(`finding-${ID.replace(/\./g, '-')}`);
  await item.scrollIntoViewIfNeeded();
  // The recorded numbers, as the file holds them (mean ± sd over its seeds), before anything is re-run.
  const recorded = item.getByTestId('recorded');
  await expect(recorded).toHaveText([`${rec.values.noisy.mean.toFixed(3)} ± ${rec.values.noisy.sd.toFixed(3)}`, `${rec.values.quiet.mean.toFixed(3)} ± ${rec.values.quiet.sd.toFixed(3)}`]);
  await expect(item.getByTestId('rerun')).toHaveCount(0);

  await item.getByTestId('finding-rerun-quick').click();
  await expect(item.getByTestId('finding-held')).toHaveText('held');
  await expect(item.getByTestId('finding-result')).toContainText('quick check: measured on tiny, 1 seed (42), wasm');
  await expect(item.getByRole('columnheader', { name: 'This browser (quick check, tiny)' })).toBeVisible();
  const fresh = (await item.getByTestId('rerun').allTextContents()).map(Number);
  expect(fresh).toHaveLength(2);
  for (const x of fresh) expect(Number.isFinite(x) && x > 0).toBe(true);
  // The relation the finding declares (noisy > quiet), on the numbers shown.
  expect(fresh[0]).toBeGreaterThan(fresh[1]);
  // The recorded column is still there, unchanged, beside the new one.
  await expect(recorded).toHaveText([`${rec.values.noisy.mean.toFixed(3)} ± ${rec.values.noisy.sd.toFixed(3)}`, `${rec.values.quiet.mean.toFixed(3)} ± ${rec.values.quiet.sd.toFixed(3)}`]);
  // The store holds the same measurement, read by the core runner in the worker.
  const measured = await page.evaluate((id) => {
    const lab = (window as unknown as { __objectiveLab: { store: { getState(): { findingReruns: Record<string, { measured: unknown }> } } } }).__objectiveLab;
    return JSON.parse(JSON.stringify(lab.store.getState().findingReruns[id].measured));
  }, ID);
  expect(measured.values.noisy.mean.toFixed(3)).toBe(fresh[0].toFixed(3));
  expect(errors).toEqual([]);
});

test('a full re-run shows run i of n and can be cancelled; nothing is measured', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openLab(page, '/?lab=weighting&backend=wasm');
  await page.getByTestId('findings').locator('summary').click();
  const item = page.getByTestId('finding-weighting-saturated-off');
  await item.scrollIntoViewIfNeeded();
  await item.getByTestId('finding-rerun').click();
  await expect(item.getByTestId('finding-progress')).toContainText(/full on workshop, 3 seeds, 6 runs\): run \d of 6/);
  // Other findings cannot start while this one runs: the worker does one thing at a time.
  await expect(page.getByTestId('finding-weighting-noisy-weight-dvao').getByTestId('finding-rerun')).toBeDisabled();
  await item.getByTestId('finding-cancel').click();
  await expect(item.getByTestId('finding-result')).toContainText('nothing was measured');
  await expect(item.getByTestId('rerun').first()).toHaveText('—');
  await expect(page.getByTestId('finding-weighting-noisy-weight-dvao').getByTestId('finding-rerun')).toBeEnabled();
  expect(errors).toEqual([]);
});
