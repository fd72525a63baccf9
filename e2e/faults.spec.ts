// Faults a person meets by bad luck: the training worker dies silently or crashes mid-run, the page reloads
// mid-run, and Train / Reset are pressed many times in a row. Each time the app says what happened, keeps what
// was computed and trains again at once; every run it started ends with an outcome.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { lastStep, openLab, readStore, train, waitForStatus } from './helpers';

// Batches of 16 on tiny: 140 steps per epoch. Runs that must finish take 3 epochs (a few seconds); runs that a
// fault strikes take 20, so they are surely still going when it does.
const URL = '/?dataset=tiny&epochs=3&batchSize=16&backend=wasm';
const LONG_URL = '/?dataset=tiny&epochs=20&batchSize=16&backend=wasm';

/** Fails the test on any uncaught page error. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The training worker (its script is `training.worker-<hash>.js` in the build). */
async function trainingWorker(page: Page): Promise<Worker> {
  const find = () => page.workers().find((w) => w.url().includes('training.worker'));
  await expect.poll(() => Boolean(find())).toBe(true);
  return find()!;
}

/** Waits until the current run has taken at least `n` steps. */
async function waitForStep(page: Page, n: number): Promise<void> {
  await expect.poll(() => lastStep(page), { intervals: [50] }).toBeGreaterThanOrEqual(n);
}

/** Presses Train and waits for a step of a run other than `previousRunId`: training works again. */
async function trainsAgain(page: Page, previousRunId: string): Promise<void> {
  await train(page);
  await expect.poll(async () => (await readStore(page)).currentRunId).not.toBe(previousRunId);
  await waitForStep(page, 1);
  await expect(page.getByTestId('run-status')).toHaveText(/running|finished/);
}

test('a worker that dies silently mid-run ends the run as failed at its step, keeps the curve and trains again', async ({ page }) => {
  const errors = watchPageErrors(page);
  // Short timings for the test (a link cannot set these): ping every 250 ms, dead after 3 s of silence.
  await page.addInitScript(() => {
    (globalThis as { __objectiveLabClientTimings?: unknown }).__objectiveLabClientTimings = { pingEveryMs: 250, silentLimitMs: 3_000 };
  });
  await openLab(page, LONG_URL);
  await train(page);
  await waitForStep(page, 5);
  const otherLab = page.getByRole('navigation', { name: 'Labs' }).getByRole('button').last();
  await expect(otherLab).toBeDisabled(); // locked while the run goes
  const worker = await trainingWorker(page);
  // self.close(): no error event, no message, the worker just stops.
  await worker.evaluate(() => self.close()).catch(() => undefined);

  await waitForStatus(page, 'failed', 30_000);
  const { run, message } = await readStore(page);
  const at = run!.steps.at(-1)!.step;
  expect(at).toBeGreaterThanOrEqual(5);
  expect(at).toBeLessThan(run!.totalSteps);
  expect(message).toBe(
    `OL404: the training worker stopped responding (nothing from it for 3 s); the run was stopped at step ${at}. Press ▶ Train to start again.`,
  );
  expect(run!.outcome).toEqual({ status: 'failed', message });
  await expect(page.getByTestId('run-message')).toContainText(`stopped at step ${at}`);
  // The curve so far stays, the time-left estimate is gone and the other labs can be opened again.
  await expect.poll(() => page.getByTestId('chart-loss').getAttribute('data-points')).not.toBe('0');
  await expect(page.getByTestId('progress-text')).not.toContainText('left');
  await expect(otherLab).toBeEnabled();

  // What the issue saw: Reset then Train sat at "running", step 0. Now the replacement worker trains at once.
  await page.getByTestId('reset').click();
  await waitForStatus(page, 'idle');
  await trainsAgain(page, run!.runId);
  expect(errors).toEqual([]);
});

test('a worker that crashes mid-run (an uncaught error) ends the run as failed and trains again', async ({ page }) => {
  const errors = watchPageErrors(page);
  await openLab(page, LONG_URL);
  await train(page);
  await waitForStep(page, 5);
  const worker = await trainingWorker(page);
  await worker.evaluate(() => void setTimeout(() => {
    throw new Error('simulated out of memory');
  }));

  await waitForStatus(page, 'failed', 30_000);
  const { run, message } = await readStore(page);
  expect(message).toMatch(/^OL401: the training worker crashed \(.*simulated out of memory\); the run was stopped at step \d+\./);
  expect(run!.steps.length).toBeGreaterThanOrEqual(5);
  await trainsAgain(page, run!.runId);
  expect(errors).toEqual([]);
});

test('a reload mid-run gives a usable page with the settings of the link, and trains to the end', async ({ page }) => {
  const errors = watchPageErrors(page);
  await openLab(page, URL);
  await train(page);
  await waitForStep(page, 5);
  // Runs live in memory only (nothing is persisted), so after a reload there is no run to mark interrupted.
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { __objectiveLab?: unknown }).__objectiveLab))).toBe(true);
  const after = await readStore(page);
  expect(after).toMatchObject({ status: 'idle', run: null, config: { dataset: 'tiny', epochs: 3, batchSize: 16 }, backend: 'wasm' });
  await expect(page.getByTestId('progress-text')).toHaveText('not started');

  await train(page);
  await waitForStatus(page, 'finished');
  expect((await readStore(page)).run!.outcome).toEqual({ status: 'completed' });
  expect(errors).toEqual([]);
});

test('60 rapid Train / Reset cycles: every run record ends with an outcome, and the app still trains to the end', async ({ page }) => {
  const errors = watchPageErrors(page);
  await openLab(page, URL);
  // Every run record the store ever holds, as last seen (a record the store drops keeps its last state here).
  await page.evaluate(() => {
    type Rec = { runId: string; outcome?: { status: string } };
    const w = window as unknown as { __objectiveLab: { store: { subscribe(f: (s: { runs: Record<string, Rec> }) => void): void } }; __seen: Record<string, string | null> };
    w.__seen = {};
    w.__objectiveLab.store.subscribe((s) => Object.values(s.runs).forEach((r) => (w.__seen[r.runId] = r.outcome?.status ?? null)));
  });
  // The buttons are clicked in the page (the person's click, without Playwright's checks between clicks), as
  // fast as the page takes them.
  const click = (testId: string) => page.getByTestId(testId).evaluate((b: HTMLButtonElement) => b.click());
  for (let i = 0; i < 60; i++) {
    await click('play');
    // Now and then the run gets to train a little before it is stopped; mostly it is stopped at once.
    if (i % 10 === 9) await waitForStep(page, 1);
    await click('reset');
  }
  const seen = () => page.evaluate(() => (window as unknown as { __seen: Record<string, string | null> }).__seen);
  await expect.poll(async () => Object.values(await seen()).filter((s) => s === null).length, { message: 'records still without an outcome', timeout: 20_000 }).toBe(0);
  const records = await seen();
  expect(Object.keys(records)).toHaveLength(60);
  // Mostly stopped; a run the worker finished before the Reset reached it completed.
  expect(Object.values(records).filter((s) => s !== 'stopped' && s !== 'completed')).toEqual([]);

  await train(page);
  await waitForStatus(page, 'finished');
  expect((await readStore(page)).run!.outcome).toEqual({ status: 'completed' });
  expect(errors).toEqual([]);
});
