// A person sets plain SGD with a huge learning rate: the run stops, says where it diverged and keeps the curve.
import { expect, test } from '@playwright/test';
import { chartPoints, openLab, readStore, train, waitForStatus } from './helpers';

// Plain SGD at rate 100 in batches of 16 overflows float32 at about step 94 on tiny (seed 42). With the
// default batch of 1,024 the same rate does not diverge (9 steps in 3 epochs are too few).
const URL = '/?dataset=tiny&optimizer=sgd&learningRate=100&batchSize=16&epochs=2&backend=wasm';

test('a run with too high a learning rate stops with "diverged at step N" and keeps its loss curve', async ({ page }) => {
  await openLab(page, URL);
  await train(page);
  await waitForStatus(page, 'diverged');

  const message = page.getByTestId('run-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText(/diverged at step \d+ — try a lower learning rate/);
  const text = (await message.textContent())!;
  const n = Number(/diverged at step (\d+)/.exec(text)![1]);

  const { run, status } = await readStore(page);
  expect(status).toBe('diverged');
  expect(run!.outcome).toEqual({ status: 'diverged', atStep: n, message: `diverged at step ${n} — try a lower learning rate` });
  expect(n).toBeGreaterThan(1);
  expect(n).toBeLessThan(run!.totalSteps);
  // Every finite step before N is kept and drawn.
  expect(run!.steps.map((s) => s.step)).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));
  expect(run!.steps.every((s) => Number.isFinite(s.values['loss/mf']))).toBe(true);
  await expect.poll(() => chartPoints(page, 'loss')).toBeGreaterThan(0);
  expect(await chartPoints(page, 'loss')).toBe(n - 1);
  // The controls are usable again.
  await expect(page.getByTestId('play')).toBeEnabled();
  await expect(page.getByTestId('play')).toHaveText(/Train/);
});
