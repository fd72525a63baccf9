// A person trains in one lab and looks at another: each lab shows its own last run (or nothing yet), never the
// other lab's; a Pareto sweep in progress stays with its lab while the person looks elsewhere.
import { expect, test, type Page } from '@playwright/test';
import { chartPoints, openLab, readStore, train, waitForStatus } from './helpers';

const goTo = (page: Page, title: string) => page.getByRole('navigation', { name: 'Labs' }).getByRole('button', { name: title }).click();

/** The sweep as the store holds it: its id, lab, status and runs so far. */
async function readSweep(page: Page): Promise<{ runId: string | null; labId: string | null; status: string; runs: unknown[] }> {
  return page.evaluate(() => {
    const lab = (window as unknown as { __objectiveLab: { store: { getState(): { sweep: unknown } } } }).__objectiveLab;
    return JSON.parse(JSON.stringify(lab.store.getState().sweep));
  });
}

/** The lab on screen has no run: idle, progress 0, no message, no table, every chart empty — in the page and the store. */
async function expectEmptyLab(page: Page, labId: string): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('idle');
  await expect(page.getByTestId('progress-text')).toHaveText('not started');
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveJSProperty('value', 0);
  await expect(page.getByTestId('run-message')).toHaveCount(0);
  await expect(page.getByTestId('results-table')).toHaveCount(0);
  const charts = await page.locator('[data-testid^="chart-"][data-points]').all();
  expect(charts.length).toBeGreaterThan(0);
  for (const chart of charts) await expect(chart).toHaveAttribute('data-points', '0');
  expect(await readStore(page)).toMatchObject({ labId, status: 'idle', currentRunId: null, run: null });
}

test('after a run, another lab shows its own empty state and coming back shows the finished run', async ({ page }) => {
  await openLab(page, '/?dataset=tiny&epochs=2&backend=wasm');
  await train(page);
  await waitForStatus(page, 'finished');
  const done = await readStore(page);
  const total = done.run!.totalSteps;
  const lossPoints = await chartPoints(page, 'loss');
  expect(lossPoints).toBeGreaterThan(0);
  await expect(page.getByTestId('results-table').getByRole('row', { name: /NDCG@10/ })).toBeVisible();

  await goTo(page, 'Weighting objectives');
  await expectEmptyLab(page, 'weighting');

  await goTo(page, 'Popularity vs matrix factorisation');
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('progress-text')).toContainText(`step ${total} / ${total} · epoch 2 / 2`);
  await expect(page.getByTestId('results-table').getByRole('row', { name: /NDCG@10/ })).toBeVisible();
  expect(await chartPoints(page, 'loss')).toBe(lossPoints);
  expect(await readStore(page)).toMatchObject({ labId: 'pop-vs-mf', status: 'finished', currentRunId: done.currentRunId });
});

test('during a Pareto sweep, another lab shows its own state, and coming back shows the sweep still there', async ({ page }) => {
  // A short training run first, so the weighting lab has a run of its own for another lab to (wrongly) show.
  await openLab(page, '/?lab=weighting&dataset=tiny&epochs=1&warmStartEpochs=1&usersPerStep=4&backend=wasm');
  await train(page);
  await waitForStatus(page, 'finished');
  const trained = await readStore(page);
  const rewardPoints = await chartPoints(page, 'rewards');
  expect(rewardPoints).toBeGreaterThan(0);

  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('running');
  const started = await readSweep(page);

  // A sweep sets no run status, so switching labs is allowed while it trains.
  await goTo(page, 'Popularity vs matrix factorisation');
  await expectEmptyLab(page, 'pop-vs-mf');
  await expect(page.getByTestId('sweep-panel')).toHaveCount(0);
  const meanwhile = await readSweep(page);
  expect(meanwhile).toMatchObject({ runId: started.runId, labId: 'weighting' });
  test.info().annotations.push({ type: 'sweep while in pop-vs-mf', description: `${meanwhile.status}, ${meanwhile.runs.length} of 20 runs` });

  await goTo(page, 'Weighting objectives');
  const sweep = page.getByTestId('sweep-panel');
  await expect(sweep).toBeVisible();
  const back = await readSweep(page);
  expect(back).toMatchObject({ runId: started.runId, labId: 'weighting' });
  expect(['running', 'done']).toContain(back.status);
  await expect(page.getByTestId('sweep-progress-text')).toHaveText(/run \d+ of 20|20 of 20 runs/);
  // The lab's own training run is still the one on screen, next to the sweep.
  await waitForStatus(page, 'finished');
  expect(await chartPoints(page, 'rewards')).toBe(rewardPoints);
  expect((await readStore(page)).currentRunId).toBe(trained.currentRunId);
});
