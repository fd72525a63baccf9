import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bigRatingsCsv, openLab, readStore, train, waitForStatus } from './helpers';

const fixtures = join(import.meta.dirname, '..', 'src', 'core', 'data', 'fixtures');

test('a person drops MovieLens 100K files, sees what was imported, and trains the lab on them', async ({ page }) => {
  await openLab(page, '/?epochs=3&backend=wasm&dataset=tiny');
  await expect(page.getByTestId('data-stats')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(['u.data', 'u.item', 'u.genre', 'u.user'].map((f) => join(fixtures, 'ml-100k', f)));
  await expect(page.getByTestId('import-report')).toContainText('Imported ml-100k');
  await expect(page.getByTestId('data-source')).toContainText('Imported ml-100k');
  await expect(page.locator('select[name="dataset"]')).toHaveValue('imported');
  await train(page);
  await waitForStatus(page, 'finished');
  const s = await readStore(page);
  expect(s.config.dataset).toBe('imported');
  expect(s.run?.epochs.at(-1)?.epoch).toBe(3);
});

test('bad files are refused with file and line, and the dataset in use stays', async ({ page }) => {
  await openLab(page, '/?dataset=tiny');
  await expect(page.getByTestId('data-stats')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles([{ name: 'clicks.csv', mimeType: 'text/csv', buffer: Buffer.from('user,item,rating\na,x,5\nb,y,oops\n') }]);
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('clicks.csv');
  await expect(errors).toContainText('line 3');
  await expect(errors).toContainText('stays in use');
  await expect(page.locator('select[name="dataset"]')).toHaveValue('tiny');
});

test('files dropped on the drop zone are imported too', async ({ page }) => {
  await openLab(page, '/?dataset=tiny');
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['user\titem\trating\n1\t10\t5\n1\t11\t4\n2\t10\t5\n'], 'ratings.tsv', { type: 'text/tab-separated-values' }));
    return dt;
  });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-report')).toContainText('2 users');
  await expect(page.locator('select[name="dataset"]')).toHaveValue('imported');
});

type Lab = { store: { getState(): any } };
const SMALL = { name: 'clicks.csv', mimeType: 'text/csv', buffer: Buffer.from('user,item\na,x\na,y\nb,x\n') };

test("the import worker's script cannot load (blocked, as a 404, a CSP without worker-src or file:// would): the files are parsed on the page, with a note", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let blocked = 0;
  await page.route('**/import.worker*', (r) => {
    blocked++;
    return r.abort();
  });
  await openLab(page, '/?dataset=tiny');
  await expect(page.getByTestId('data-stats')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles([SMALL]);
  await expect(page.getByTestId('import-report')).toContainText('2 users, 2 items, 3 interactions kept');
  await expect(page.locator('select[name="dataset"]')).toHaveValue('imported');
  await expect(page.getByTestId('notices')).toContainText('parsed on this page');
  expect(blocked).toBeGreaterThan(0); // the worker really was asked for, and refused
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('Cancel during a big import: the dataset in use stays, the message says so, and a new small import then works', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openLab(page, '/?dataset=tiny');
  await expect(page.getByTestId('data-stats')).toBeVisible();
  const big = bigRatingsCsv();
  expect(big.length).toBeGreaterThan(15e6);
  await page.getByTestId('file-input').setInputFiles([{ name: 'big.csv', mimeType: 'text/csv', buffer: big }]);
  // Cancel once the worker is parsing (the drop zone is disabled meanwhile).
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-phase', 'parse');
  await expect(page.getByTestId('file-input')).toBeDisabled();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toContainText('Import cancelled; nothing was imported and the dataset in use stays');
  await expect(page.getByTestId('import-errors')).toHaveCount(0); // a cancel is not an error
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('import-cancel')).toHaveCount(0);
  await expect(page.locator('select[name="dataset"]')).toHaveValue('tiny');
  await expect(page.getByTestId('data-source')).toContainText("Synthetic world 'tiny'");
  expect(await page.evaluate(() => (window as unknown as { __objectiveLab: Lab }).__objectiveLab.store.getState().datasets.imported)).toBeUndefined();
  // The drop zone works again: a small import is accepted.
  await expect(page.getByTestId('file-input')).toBeEnabled();
  await page.getByTestId('file-input').setInputFiles([SMALL]);
  await expect(page.getByTestId('import-report')).toContainText('2 users, 2 items, 3 interactions kept');
  await expect(page.locator('select[name="dataset"]')).toHaveValue('imported');
  const users = await page.evaluate(() => (window as unknown as { __objectiveLab: Lab }).__objectiveLab.store.getState().datasets.imported.userIds.length);
  expect(users).toBe(2);
  expect(pageErrors).toEqual([]);
});
