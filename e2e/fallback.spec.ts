// A person's browser cannot run the training worker: the lab trains on the main thread instead, and a worker
// that crashes mid-run leaves a message and a page that still works.
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

/** The built worker script (Vite names it training.worker-<hash>.js). */
const WORKER_SCRIPT = '**/assets/training.worker-*.js';

/** A worker that loads, says ready, and throws on the first message it gets. */
const CRASHING_WORKER = `self.postMessage({ type: 'ready' });
self.onmessage = () => { throw new Error('simulated crash'); };`;

test('without Web Workers the lab trains on the main thread and says so', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { Worker?: unknown }).Worker;
  });
  await openLab(page, '/?dataset=tiny&epochs=2&backend=wasm');
  expect(await page.evaluate(() => typeof Worker)).toBe('undefined');

  await train(page);
  await waitForStatus(page, 'finished');

  const s = await readStore(page);
  expect(s.executionMode).toBe('main-thread');
  expect(s.run!.outcome).toEqual({ status: 'completed' });
  expect(s.run!.epochs.at(-1)!.epoch).toBe(2);
  await expect(page.getByTestId('notices')).toContainText(/main thread/);
  await expect(page.getByTestId('backend-badge').locator('summary')).toContainText('main thread');
});

test('a worker that crashes mid-run reports OL401, and the next run starts a fresh worker and finishes', async ({ page }) => {
  let served = 0;
  await page.route(WORKER_SCRIPT, (route) => {
    served++;
    return route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'cache-control': 'no-store' }, body: CRASHING_WORKER });
  });
  await openLab(page, '/?dataset=tiny&epochs=2&backend=wasm');

  await train(page);
  await waitForStatus(page, 'failed');
  expect(served).toBe(1);
  const message = page.getByTestId('run-message');
  await expect(message).toContainText('OL401');
  await expect(message).toContainText('crashed');
  await expect(message).toContainText('simulated crash');
  const crashed = await readStore(page);
  expect(crashed.executionMode).toBe('worker');
  expect(crashed.run!.error).toMatch(/^OL401: /);

  // The page is usable: Train is enabled again, and settings can be changed.
  await expect(page.getByTestId('play')).toBeEnabled();
  await expect(page.getByTestId('play')).toHaveText(/Train/);
  await expect(page.getByRole('form', { name: 'Settings' }).getByRole('spinbutton', { name: 'Epochs' })).toBeEnabled();

  // With the real worker script back, the next Train makes a new worker and the run completes.
  await page.unroute(WORKER_SCRIPT);
  await train(page);
  await waitForStatus(page, 'finished');
  const s = await readStore(page);
  expect(s.currentRunId).not.toBe(crashed.currentRunId);
  expect(s.run!.outcome).toEqual({ status: 'completed' });
  expect(s.executionMode).toBe('worker');
  await expect(page.getByTestId('run-message')).toHaveCount(0);
});
