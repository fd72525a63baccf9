// A person changes settings, copies the page's link and opens it elsewhere: the same settings come back.
import { expect, test } from '@playwright/test';
import { openLab, readStore } from './helpers';

test('a link copied after changing settings reopens the lab with the same settings', async ({ page, context }) => {
  await openLab(page, '/?dataset=tiny');
  const settings = page.getByRole('form', { name: 'Settings' });
  const seed = settings.getByRole('spinbutton', { name: 'Seed' });
  const epochs = settings.getByRole('spinbutton', { name: 'Epochs' });
  const learningRate = settings.getByRole('spinbutton', { name: 'Learning rate' });
  const optimizer = settings.getByRole('combobox', { name: 'Optimizer' });

  await seed.fill('7');
  await epochs.fill('5');
  await learningRate.fill('0.05');
  await optimizer.selectOption('sgd');

  // The URL holds every change (it is rewritten in place, so the address bar is the share link).
  await expect.poll(() => new URL(page.url()).searchParams.get('optimizer')).toBe('sgd');
  const params = new URL(page.url()).searchParams;
  expect(params.get('lab')).toBe('pop-vs-mf');
  expect(params.get('dataset')).toBe('tiny');
  expect(params.get('seed')).toBe('7');
  expect(params.get('epochs')).toBe('5');
  expect(params.get('learningRate')).toBe('0.05');
  const first = await readStore(page);
  expect(first.config).toMatchObject({ dataset: 'tiny', seed: 7, epochs: 5, learningRate: 0.05, optimizer: 'sgd' });

  // Opened in another tab, the link shows the same form and holds the same config.
  const other = await context.newPage();
  await openLab(other, page.url());
  const otherSettings = other.getByRole('form', { name: 'Settings' });
  await expect(otherSettings.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(otherSettings.getByRole('spinbutton', { name: 'Epochs' })).toHaveValue('5');
  await expect(otherSettings.getByRole('spinbutton', { name: 'Learning rate' })).toHaveValue('0.05');
  await expect(otherSettings.getByRole('combobox', { name: 'Optimizer' })).toHaveValue('sgd');
  await expect(otherSettings.getByRole('combobox', { name: 'Dataset' })).toHaveValue('tiny');
  const second = await readStore(other);
  expect(second.config).toEqual(first.config);
  expect(second.labId).toBe(first.labId);
  expect(second.backend).toBe(first.backend);
  expect(second.notices).toEqual([]);
  expect(other.url()).toBe(page.url());
});
