// A person trains the first lab: watches the loss curve grow, pauses, single-steps, resumes to the end and
// reads the results table.
import { expect, test } from '@playwright/test';
import { chartPoints, expectStepStaysAt, lastStep, openLab, readStore, settledStep, train, waitForStatus } from './helpers';

// Batches of 16 give 140 steps per epoch on tiny (1,120 in all): long enough to pause mid-run, and enough
// updates for MF to overtake popularity (with the default batch of 1,024, 8 epochs are only 24 steps and MF
// is still below popularity).
const URL = '/?dataset=tiny&epochs=8&batchSize=16&backend=wasm';

test('a person trains, pauses, steps once, resumes to the end and sees MF beat popularity', async ({ page }) => {
  await openLab(page, URL);
  const loss = page.getByTestId('chart-loss');
  await expect(loss).toHaveAttribute('data-points', '0');

  await train(page);
  await waitForStatus(page, 'running');

  // The loss chart fills while the run goes: two readings, the second larger.
  await expect.poll(() => chartPoints(page, 'loss'), { intervals: [50] }).toBeGreaterThan(0);
  const first = await chartPoints(page, 'loss');
  await expect.poll(() => chartPoints(page, 'loss'), { intervals: [50] }).toBeGreaterThan(first);

  // Pause: the status says so and no more steps arrive.
  await page.getByTestId('pause').click();
  await waitForStatus(page, 'paused');
  const held = await settledStep(page);
  const { run } = await readStore(page);
  expect(held, 'paused before the end of the run').toBeLessThan(run!.totalSteps);
  await expectStepStaysAt(page, held);
  await expect(page.getByTestId('run-status')).toHaveText('paused');

  // One step: exactly one more step appears, and the run stays paused.
  await page.getByTestId('step').click();
  await expect.poll(() => lastStep(page), { timeout: 15_000 }).toBe(held + 1);
  await expectStepStaysAt(page, held + 1);
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  // Every step is there once, in order.
  const steps = (await readStore(page)).run!.steps.map((s) => s.step);
  expect(steps).toEqual(Array.from({ length: held + 1 }, (_, i) => i + 1));

  // Resume to the end.
  await expect(page.getByTestId('play')).toHaveText(/Resume/);
  await page.getByTestId('play').click();
  await waitForStatus(page, 'finished');
  const end = await readStore(page);
  expect(end.run!.outcome).toEqual({ status: 'completed' });
  expect(end.run!.steps.length).toBe(end.run!.totalSteps);
  await expect(page.getByTestId('progress-text')).toContainText(`step ${end.run!.totalSteps} / ${end.run!.totalSteps}`);

  // The results table names both methods and shows a number for each in the NDCG@10 row.
  const table = page.getByTestId('results-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'BPR-MF' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Popularity' })).toBeVisible();
  const ndcgRow = table.getByRole('row', { name: /NDCG@10/ });
  await expect(ndcgRow.getByRole('cell')).toHaveText([/^\d\.\d{4}$/, /^\d\.\d{4}$/]);

  // MF's final NDCG@10 is above popularity's, and the table shows the store's numbers.
  const last = end.run!.epochs.at(-1)!;
  expect(last.epoch).toBe(8);
  expect(last.values['ndcg/mf']).toBeGreaterThan(last.values['ndcg/pop']);
  await expect(ndcgRow.getByRole('cell')).toHaveText([last.values['ndcg/mf'].toFixed(4), last.values['ndcg/pop'].toFixed(4)]);
});
