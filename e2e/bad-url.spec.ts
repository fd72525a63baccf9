// A person opens a mangled link: every bad parameter is named in a notice and the lab still opens and trains.
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

test('a link with bad parameters names each one and the lab still trains with the defaults', async ({ page }) => {
  await openLab(page, '/?epochs=abc&lab=nope&color=red&backend=quantum');

  const notices = page.getByTestId('notices');
  await expect(notices).toBeVisible();
  for (const name of ['epochs', 'lab', 'color', 'backend']) await expect(notices).toContainText(`'${name}'`);
  await expect(notices).toContainText('"abc"');
  await expect(notices).toContainText('"nope"');
  await expect(notices).toContainText('"quantum"');

  // The defaults stand in for the bad values, and the link is rewritten without them.
  const settings = page.getByRole('form', { name: 'Settings' });
  await expect(settings.getByRole('spinbutton', { name: 'Epochs' })).toHaveValue('20');
  await expect(page.getByTestId('backend-select')).toHaveValue('auto');
  const { labId, backend, config } = await readStore(page);
  expect(labId).toBe('pop-vs-mf');
  expect(backend).toBe('auto');
  expect(config.epochs).toBe(20);
  const params = new URL(page.url()).searchParams;
  expect(params.get('lab')).toBe('pop-vs-mf');
  expect(params.get('epochs')).toBe('20');
  expect(params.has('color')).toBe(false);
  expect(params.has('backend')).toBe(false);

  // It still trains: the tiny dataset keeps this short; every other setting stays at its default.
  await settings.getByRole('combobox', { name: 'Dataset' }).selectOption('tiny');
  await train(page);
  await waitForStatus(page, 'finished');
  const { run } = await readStore(page);
  expect(run!.config).toMatchObject({ dataset: 'tiny', epochs: 20 });
  expect(run!.outcome).toEqual({ status: 'completed' });
  expect(run!.epochs.at(-1)!.epoch).toBe(20);
});
