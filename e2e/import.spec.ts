import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

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
