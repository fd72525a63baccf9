// The weighting lab: a person drags the diversity weight mid-run and sees when it took effect, then runs the
// Pareto sweep (20 runs in the worker), reads both panels, the table and the exports, and cancels a sweep.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { lastStep, openLab, readStore, train, waitForStatus } from './helpers';

/** The sweep as the store holds it (`window.__objectiveLab.store`). */
interface SweepSnapshot {
  status: string;
  settled: boolean;
  total: number;
  runs: { index: number; label: string; outcome: { status: string }; summary: Record<string, number> }[];
  startedAt: number | null;
  endedAt: number | null;
}

async function readSweep(page: Page): Promise<SweepSnapshot> {
  return page.evaluate(() => {
    const lab = (window as unknown as { __objectiveLab: { store: { getState(): { sweep: unknown } } } }).__objectiveLab;
    return JSON.parse(JSON.stringify(lab.store.getState().sweep));
  });
}

/** Runs drawn on the panels: those that completed or diverged (stopped and failed runs have no final numbers). */
const drawn = (s: SweepSnapshot) => s.runs.filter((r) => r.outcome.status === 'completed' || r.outcome.status === 'diverged').length;

async function points(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-points'));
}

test('dragging the diversity weight mid-run marks the step where the new weights took effect', async ({ page }) => {
  // Batches of 4 users give 25 steps an epoch on tiny (500 in all); three single steps, the slider moved, one more
  // step; Reset ends it once the marker is seen.
  await openLab(page, '/?lab=weighting&dataset=tiny&epochs=20&warmStartEpochs=3&usersPerStep=4&backend=wasm');
  const rewards = page.getByTestId('chart-rewards');
  // +1 Step from idle starts the run paused: three steps under the first weights, whatever the machine's speed.
  for (let k = 1; k <= 3; k++) {
    await page.getByTestId('step').click();
    await expect.poll(() => lastStep(page), { intervals: [50] }).toBe(k);
  }
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(rewards).toHaveAttribute('data-markers', '0');

  await page.getByTestId('slider-wDiversity').fill('0.9');
  await page.getByTestId('step').click(); // one step under the new weights
  await expect.poll(async () => Number(await rewards.getAttribute('data-markers')), { intervals: [50] }).toBeGreaterThanOrEqual(1);

  // The marker sits where the applied base weight of diversity changed from 0.3 / 1.0 to 0.9 / 1.6.
  const { run } = await readStore(page);
  const steps = run!.steps;
  const j = steps.findIndex((e, i) => i > 0 && e.values['base/diversity'] !== steps[i - 1].values['base/diversity']);
  expect(j).toBeGreaterThan(0);
  expect(steps[j - 1].values['base/diversity']).toBeCloseTo(0.3, 6);
  expect(steps[j].values['base/diversity']).toBeCloseTo(0.9 / 1.6, 6);
  expect(steps[j].step, 'the change took effect mid-run').toBeLessThan(run!.totalSteps);
  await page.getByTestId('reset').click();
});

test('after a reward-side run the step-scale view is drawn; after a loss-side run, the loss terms and their shares', async ({ page }) => {
  await openLab(page, '/?lab=weighting&dataset=tiny&epochs=1&warmStartEpochs=2&usersPerStep=32&backend=wasm');
  await expect(page.getByTestId('applied-weights-note')).toContainText('b_k σ_k / Σ b_j σ_j');
  await train(page);
  await waitForStatus(page, 'finished');
  const chart = page.getByTestId('step-scale-chart');
  await expect(chart).toBeVisible();
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(page.getByTestId('loss-scale-panel')).toHaveCount(0);

  await page.getByTestId('method-select').selectOption('fixed');
  await expect(page.getByTestId('applied-weights-note')).toContainText('multipliers of terms of different sizes');
  await train(page);
  await waitForStatus(page, 'finished');
  await expect(page.getByTestId('loss-scale-panel')).toBeVisible();
  expect(await chartPointsIn(page, 'chart-loss-terms')).toBeGreaterThan(0);
  await expect(page.getByTestId('step-scale-chart')).toHaveCount(0);
});

test('at 1280×800 the sliders, both accuracy views and the trade-off plot are on one screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page, '/?lab=weighting&dataset=tiny&epochs=2&warmStartEpochs=2&backend=wasm');
  const inView = async (testId: string) => {
    const b = (await page.getByTestId(testId).boundingBox())!;
    expect(b, testId).not.toBeNull();
    expect(b.y, `${testId} top`).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height, `${testId} bottom`).toBeLessThanOrEqual(800);
    expect(b.x + b.width, `${testId} right`).toBeLessThanOrEqual(1280);
  };
  await train(page);
  await waitForStatus(page, 'finished');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const id of ['slider-wRelevance', 'slider-wDiversity', 'slider-wNovelty', 'chart-consumed-all', 'chart-consumed-few', 'tradeoff-plot']) await inView(id);
  // Drawn, not just laid out: the run's epochs are on both accuracy views, the recorded line on the trade-off plot.
  expect(Number(await page.getByTestId('chart-consumed-all').getAttribute('data-points'))).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('chart-consumed-few').getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(page.getByTestId('tradeoff-plot')).toHaveAttribute('data-source', 'recorded');
  expect(Number(await page.getByTestId('tradeoff-plot').getAttribute('data-points'))).toBe(11);
});

async function chartPointsIn(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-points'));
}

test('a small Pareto sweep fills both panels with all 20 runs, a table and CSV / JSON / PNG exports', async ({ page }) => {
  await openLab(page, '/?lab=weighting&dataset=tiny&epochs=1&warmStartEpochs=2&usersPerStep=32&backend=wasm');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('running');
  await expect(page.getByTestId('sweep-progress-text')).toContainText(/run \d+ of 20/);
  await expect(page.getByTestId('sweep-status')).toHaveText('done', { timeout: 60_000 });

  const sweep = await readSweep(page);
  test.info().annotations.push({ type: 'timing', description: `20-run sweep on tiny (epochs=1, warm start 2): ${sweep.endedAt! - sweep.startedAt!} ms` });
  expect(sweep.runs).toHaveLength(20);
  expect(sweep.runs.map((r) => r.label).slice(0, 2)).toEqual(['w=0.0', 'w=0.1']);
  const n = drawn(sweep);
  expect(n).toBe(20);
  await expect(page.getByTestId('sweep-progress-text')).toContainText('20 of 20 runs in');
  await expect(page.getByTestId('pareto-precision')).toHaveAttribute('data-points', String(n));
  await expect(page.getByTestId('pareto-hit')).toHaveAttribute('data-points', String(n));
  expect(Number(await page.getByTestId('pareto-precision').getAttribute('data-front'))).toBeGreaterThanOrEqual(1);
  // Points are labelled (hand weights by w, the rest by method) where a label fits — on tiny most runs land on one
  // spot, so some are left off (the hover names them) — and no two labels overlap.
  expect(Number(await page.getByTestId('pareto-precision').getAttribute('data-labels'))).toBeGreaterThanOrEqual(3);
  for (const id of ['pareto-precision', 'pareto-hit']) {
    const boxes = await page.getByTestId(id).locator('text.point-label').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        expect(overlap, `${id}: labels ${i} and ${j} overlap`).toBe(false);
      }
  }
  // Both panels on one scale: % change from the w = 1 point, the same y ticks on each; Absolute gives each its own.
  await expect(page.getByTestId('sweep-scale-relative')).toHaveAttribute('aria-pressed', 'true');
  // The y ticks are the percentages (the x ticks are ILD values).
  const yTicks = async (id: string) => (await page.getByTestId(id).locator('.recharts-cartesian-axis-tick-value').allTextContents()).filter((t) => t.endsWith('%'));
  const precisionTicks = await yTicks('pareto-precision');
  expect(precisionTicks.some((t) => t === '0%')).toBe(true);
  expect(await yTicks('pareto-hit')).toEqual(precisionTicks);
  await page.getByTestId('sweep-scale-absolute').click();
  await expect(page.getByTestId('pareto-precision').locator('.recharts-cartesian-axis-tick-value', { hasText: '%' })).toHaveCount(0);
  await page.getByTestId('sweep-scale-relative').click();
  // The one-screen trade-off plot now draws this sweep's hand-weight line instead of the recorded one.
  await expect(page.getByTestId('tradeoff-plot')).toHaveAttribute('data-source', 'sweep');
  await expect(page.getByTestId('tradeoff-plot')).toHaveAttribute('data-points', '11');

  // The path view under the sweep: the 11 hand weights as the front, the 5 automatic methods as paths, each placed.
  await expect(page.getByTestId('paths-chart')).toHaveAttribute('data-front', '11');
  await expect(page.getByTestId('paths-chart')).toHaveAttribute('data-paths', '5');
  await expect(page.getByTestId('paths-verdict-dvao')).toHaveAttribute('data-verdict', /^(inside|on|beyond)$/);

  // U₂ instead of HR@10 on the second panel: still every run.
  await page.getByTestId('sweep-pick-hit').selectOption({ label: '2 (U₂@10)' });
  await expect(page.getByTestId('pareto-hit')).toContainText('U₂@10');
  expect(await points(page, 'pareto-hit')).toBe(n);

  const png = page.waitForEvent('download');
  await page.getByTestId('pareto-precision-png').click();
  const pngBytes = await readFile((await (await png).path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

  // The table lists every run with its metrics.
  await page.getByTestId('sweep-view-table').click();
  const table = page.getByTestId('sweep-table');
  await expect(table.locator('tbody tr')).toHaveCount(20);
  await expect(table.getByRole('columnheader', { name: 'Precision@10', exact: true })).toBeVisible();

  const csv = page.waitForEvent('download');
  await page.getByTestId('sweep-csv').click();
  const csvText = await readFile((await (await csv).path())!, 'utf8');
  expect(csvText.trim().split('\n')).toHaveLength(21);
  expect(csvText.split('\n')[0]).toMatch(/^run,label,kind,method,relevance,lists,wRelevance,wDiversity,wNovelty,backbone,outcome,precision,/);

  const json = page.waitForEvent('download');
  await page.getByTestId('sweep-json').click();
  const record = JSON.parse(await readFile((await (await json).path())!, 'utf8'));
  expect(record).toMatchObject({ labId: 'weighting', status: 'done', total: 20 });
  expect(record.runs).toHaveLength(20);
});

test('cancelling a sweep after two runs keeps the finished runs', async ({ page }) => {
  // Slower runs (three epochs in batches of 4) so the cancel lands mid-sweep.
  await openLab(page, '/?lab=weighting&dataset=tiny&epochs=3&warmStartEpochs=2&usersPerStep=4&backend=wasm');
  await page.getByTestId('sweep-run').click();
  await expect.poll(async () => (await readSweep(page)).runs.length, { intervals: [50], timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('cancelled');
  await expect(page.getByTestId('sweep-cancel')).toBeDisabled();

  // The worker stops the run in progress (kept as 'stopped', unless the cancel landed while it was already
  // finishing) and starts no more; then it says so, and the finished runs stay, drawn.
  await expect.poll(async () => (await readSweep(page)).settled, { timeout: 30_000 }).toBe(true);
  const sweep = await readSweep(page);
  expect(sweep.status).toBe('cancelled');
  expect(sweep.runs.length).toBeLessThan(20);
  expect(sweep.runs.map((r) => r.index)).toEqual(sweep.runs.map((_, i) => i));
  expect(['stopped', 'completed']).toContain(sweep.runs.at(-1)!.outcome.status);
  const finished = drawn(sweep);
  expect(finished).toBeGreaterThanOrEqual(2);
  expect(sweep.runs.slice(0, finished).every((r) => r.outcome.status === 'completed')).toBe(true);
  await expect(page.getByTestId('pareto-precision')).toHaveAttribute('data-points', String(finished));
  await expect(page.getByTestId('pareto-hit')).toHaveAttribute('data-points', String(finished));
  await expect(page.getByTestId('sweep-progress-text')).toHaveText(new RegExp(`^cancelled: ${finished} of 20 runs finished in [\\d.]+ s$`));
});
