// Runs are kept and compared: a finished run and a sweep survive a reload, two runs overlay on the same charts,
// a run exported as JSON imports back the same, a bad file is refused with a message losing nothing, and without
// IndexedDB, or with its storage full, the app keeps runs in memory and says so.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_RUN_FILES } from '../src/core/history/fixtures/hostileRunFiles';
import { openLab, train, waitForStatus } from './helpers';

const POP = '/?dataset=tiny&epochs=2&backend=wasm';
const WEIGHTING = '/?lab=weighting&dataset=tiny&epochs=1&warmStartEpochs=2&usersPerStep=32&backend=wasm';

const kept = (page: Page) => page.getByTestId('history-run');

/** Trains the current lab to the end and waits until the run is listed among the kept runs. */
async function trainAndKeep(page: Page, expected: number) {
  await train(page);
  await waitForStatus(page, 'finished');
  await expect(kept(page)).toHaveCount(expected);
}

/** Sets a number field of the settings form, as a person types it. */
async function setNumber(page: Page, key: string, value: string) {
  await page.locator(`input[name="${key}"]`).fill(value);
  await page.locator(`input[name="${key}"]`).blur();
}

test('a finished run and a finished sweep survive a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openLab(page, WEIGHTING);
  await expect(page.getByTestId('history-mode')).toHaveText('Kept in this browser across reloads.');
  await trainAndKeep(page, 1);
  const name = await kept(page).getByTestId('history-name').inputValue();
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveText('done', { timeout: 90_000 });
  await expect(page.getByTestId('pareto-precision')).toHaveAttribute('data-points', '20');

  await page.reload();
  await expect(kept(page)).toHaveCount(1);
  await expect(kept(page).getByTestId('history-name')).toHaveValue(name);
  await expect(kept(page)).toContainText('completed');
  await expect(kept(page)).toContainText('seed 42');
  await expect(page.getByTestId('sweep-status')).toHaveText('done');
  await expect(page.getByTestId('pareto-precision')).toHaveAttribute('data-points', '20');
  await expect(page.getByTestId('pareto-hit')).toHaveAttribute('data-points', '20');
  expect(errors).toEqual([]);
});

test('two runs overlay on the same charts, each labelled; names and pins are kept', async ({ page }) => {
  test.setTimeout(150_000);
  await openLab(page, POP);
  await trainAndKeep(page, 1);
  await setNumber(page, 'l2', '0');
  await trainAndKeep(page, 2);
  // Newest first: the l2=0 run on top.
  await expect(kept(page).first().getByTestId('history-name')).toHaveValue(/l2=0/);
  const older = kept(page).nth(1);
  await older.getByTestId('history-name').fill('L2 = 0.01 (default)');
  await older.getByTestId('history-name').press('Enter');
  await older.getByTestId('history-compare').check();

  // The current run (l2=0) and the kept default run on every epoch chart: 2 series each, each named.
  const ndcg = page.getByTestId('chart-ndcg');
  await expect(ndcg).toHaveAttribute('data-series', '4');
  await expect(ndcg.locator('.live-legend')).toContainText('BPR-MF · this run');
  await expect(ndcg.locator('.live-legend')).toContainText('BPR-MF · L2 = 0.01 (default)');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-series', '2');

  // Pinned goes first, and both survive a reload; with no current run, the two kept runs overlay alone.
  await older.getByTestId('history-pin').click();
  await expect(kept(page).first().getByTestId('history-name')).toHaveValue('L2 = 0.01 (default)');
  await page.reload();
  await expect(kept(page)).toHaveCount(2);
  await expect(kept(page).first().getByTestId('history-pin')).toHaveAttribute('aria-pressed', 'true');
  for (const k of [0, 1]) await kept(page).nth(k).getByTestId('history-compare').check();
  await expect(ndcg).toHaveAttribute('data-series', '4');
  await expect(ndcg.locator('.live-legend')).toContainText('· L2 = 0.01 (default)');
  await expect(ndcg.locator('.live-legend')).toContainText('· dataset=tiny, epochs=2,'); // long names are cut in legends
  expect(Number(await ndcg.getAttribute('data-points'))).toBeGreaterThan(0);

  // Delete unpinned asks first, then keeps the pinned run only.
  await page.getByTestId('history-delete-unpinned').click();
  await page.getByTestId('history-delete-unpinned-confirm').click();
  await expect(kept(page)).toHaveCount(1);
  await expect(ndcg).toHaveAttribute('data-series', '2');
});

test('a run exported as JSON imports back the same; CSV per epoch and PNG per chart download', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page, POP);
  await trainAndKeep(page, 1);
  const before = await page.evaluate(() => (window as unknown as { __objectiveLab: { store: { getState(): any } } }).__objectiveLab.store.getState().history.runs[0]);

  const [json] = await Promise.all([page.waitForEvent('download'), kept(page).getByTestId('history-run-json').click()]);
  expect(json.suggestedFilename()).toMatch(/^pop-vs-mf-dataset=tiny-epochs=2-.*\.json$/);
  const path = await json.path();
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file).toMatchObject({ format: 'objective-lab-run', version: 1, labId: 'pop-vs-mf', backend: 'wasm', outcome: { status: 'completed' } });
  // The CLI's --out fields are all there.
  for (const k of ['tool', 'createdAt', 'labId', 'config', 'backend', 'outcome', 'summary', 'events', 'steps']) expect(file).toHaveProperty(k);

  const [csv] = await Promise.all([page.waitForEvent('download'), kept(page).getByTestId('history-run-csv').click()]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.split('\n')[0]).toMatch(/^epoch,step,/);
  expect(csvText.trim().split('\n')).toHaveLength(1 + before.epochs.length);

  await page.getByTestId('history-png-chart').selectOption('ndcg');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-png').click()]);
  expect(png.suggestedFilename()).toMatch(/^pop-vs-mf-ndcg-.*\.png$/);
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');

  // Delete it, then import the file: the same run comes back (a new id), and survives a reload.
  await kept(page).getByTestId('history-delete').click();
  await expect(kept(page)).toHaveCount(0);
  await page.getByTestId('history-import').setInputFiles(path);
  await expect(page.getByTestId('history-import-note')).toContainText('Imported one run from');
  await expect(kept(page)).toHaveCount(1);
  const after = await page.evaluate(() => (window as unknown as { __objectiveLab: { store: { getState(): any } } }).__objectiveLab.store.getState().history.runs[0]);
  const strip = ({ id: _id, origin: _origin, ...rest }: Record<string, unknown>) => JSON.parse(JSON.stringify(rest));
  expect(strip(after)).toEqual(strip(before));
  expect(after.origin).toBe('app file');
  await page.reload();
  await expect(kept(page)).toHaveCount(1);
});

test('a bad or hostile run file is refused with a message naming it, and nothing kept is lost', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openLab(page, POP);
  await trainAndKeep(page, 1);
  for (const c of HOSTILE_RUN_FILES) {
    await test.step(c.name, async () => {
      await page.getByTestId('history-import').setInputFiles({ name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.text) });
      const note = page.getByTestId('history-import-note');
      await expect(note).toContainText(`OL501 ${c.name}: `);
      await expect(note).toContainText('Nothing was imported; the runs already kept are unchanged.');
      expect(await note.textContent()).toMatch(c.message);
      await expect(kept(page)).toHaveCount(1);
      await note.getByRole('button', { name: 'Dismiss the import message' }).click();
    });
  }
  expect(errors).toEqual([]);
});

test('without IndexedDB (private mode, storage off) runs are kept in memory and the page says so', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await openLab(page, POP);
  await expect(page.getByTestId('history-message')).toContainText('OL502 Runs are kept only until you close or reload this page');
  await expect(page.getByTestId('history-mode')).toHaveText('Kept until you reload.');
  await trainAndKeep(page, 1);
  await expect(page.getByTestId('history-message')).toBeVisible();
});

test('when the browser storage is full the page says so and the run stays listed', async ({ page }) => {
  // Every write to IndexedDB fails as a full disk does (reads still work).
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openLab(page, POP);
  await expect(page.getByTestId('history-mode')).toHaveText('Kept in this browser across reloads.');
  await trainAndKeep(page, 1);
  await expect(page.getByTestId('history-message')).toContainText("OL502 The browser's storage is full");
  await expect(page.getByTestId('history-message')).toContainText('Delete runs you no longer need');
});
