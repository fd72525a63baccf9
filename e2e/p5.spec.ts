// The P5 lab's panel: per task family the unified model against a model per task on seen and held-out templates,
// the id-mode comparison (hint when off, table with the leak when on), and the playground's prompts and answers; at
// 390 px too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

/** The registry's quick settings. */
const QUICK = 'dataset=tiny&epochs=1&dim=16&heads=2&encoderLayers=1&decoderLayers=1&examplesSequential=128&examplesYesNo=128&examplesChoose=64&batchSize=32&historyLength=5&validationUsers=20';

test('a run scores the unified and per-task models per family on seen and held-out templates, and the playground shows each model’s answers', async ({ page }) => {
  await openLab(page, `/?lab=p5&${QUICK}&backend=wasm`);
  await expect(page.getByTestId('p5-hint')).toContainText('After training');
  await expect(page.getByTestId('p5-idmodes-hint')).toContainText('Id-mode comparison');
  await expect(page.getByTestId('p5-playground-hint')).toContainText('After training');
  await expect(page.getByTestId('p5-playground-note')).toContainText('from scratch');
  await train(page);
  await waitForStatus(page, 'finished');
  expect((await readStore(page)).config.idModeSweep).toBe(false);

  // The results: tiny has no ratings, so three families; the plain model only on next item.
  const results = page.getByTestId('p5-results');
  await expect(page.getByTestId('p5-hint')).toHaveCount(0);
  await expect(results.getByTestId('p5-family')).toHaveCount(3);
  await expect(results.getByTestId('p5-result-row')).toHaveCount(7);
  await expect(results.locator('[data-testid="p5-result-row"][data-model="plain"]')).toHaveCount(1);
  await expect(results).toContainText('no rating task');
  const cells = await results.getByTestId('p5-score').all();
  expect(cells.length).toBeGreaterThan(20);
  for (const cell of cells) await expect(cell).toHaveText(/^\d\.\d{4}$/);
  // One chart per family: sequential has unified and per-task on seen and held out, and the plain model.
  const seq = results.locator('[data-testid="p5-family-chart"][data-family="sequential"]');
  await expect(seq).toContainText('HR@10');
  await expect(seq).toContainText('↑ higher is better');
  await expect(seq.locator('.recharts-bar-rectangle')).toHaveCount(6); // + the popularity reference
  await expect(results.getByTestId('p5-popularity-row')).toHaveCount(2); // next item and choose-one
  await expect(results.locator('[data-testid="p5-family-chart"][data-family="direct-yesno"] .recharts-bar-rectangle')).toHaveCount(4);
  await expect(results.locator('[data-testid="p5-family-chart"][data-family="direct-yesno"]')).toContainText('accuracy');

  // The id modes: off, so still the hint.
  await expect(page.getByTestId('p5-idmodes-hint')).toContainText('tick “Id-mode comparison”');
  await expect(page.getByTestId('p5-idmodes')).toHaveCount(0);

  // The playground: a user and a template, the prompt, the right answer and each model's five answers.
  const pg = page.getByTestId('p5-playground');
  await expect(page.getByTestId('p5-playground-hint')).toHaveCount(0);
  const users = pg.getByTestId('p5-playground-user');
  expect(await users.locator('option').count()).toBeGreaterThan(1);
  const templates = pg.getByTestId('p5-playground-template');
  expect(await templates.locator('option').count()).toBe(12);
  await expect(templates.locator('option', { hasText: '(held out)' })).toHaveCount(3);
  await expect(pg.getByTestId('p5-playground-prompt').first()).toContainText('<user_');
  const models = pg.getByTestId('p5-playground-model');
  await expect(models).toHaveCount(2);
  await expect(models.first().getByTestId('p5-playground-top')).toHaveCount(5);
  await expect(models.first().getByTestId('p5-playground-top').first()).toContainText(/\d+\.\d%|<0\.1%/);
  await expect(models.first().getByTestId('p5-playground-verdict')).toHaveText(/right|wrong/);
  const before = await pg.getByTestId('p5-playground-prompt').first().textContent();
  await users.selectOption({ index: 1 });
  await expect(pg.getByTestId('p5-playground-prompt').first()).not.toHaveText(before ?? '');
  // A held-out yes/no template: a "yes" and a "no" prompt for the user, each with both models' answers.
  const yesno = await templates.locator('option', { hasText: 'yes / no' }).filter({ hasText: '(held out)' }).getAttribute('value');
  await templates.selectOption(yesno!);
  await expect(pg.getByTestId('p5-playground-case')).toHaveCount(2);
  await expect(pg.getByTestId('p5-playground-truth').first()).toContainText(/yes|no/);
  await expect(pg.getByTestId('p5-playground-case').first()).toContainText('a phrasing no model trained on');
  await expect(pg.getByTestId('p5-playground-model')).toHaveCount(4);
  for (const top of await pg.getByTestId('p5-playground-top').all()) await expect(top).toContainText(/\d+\.\d%$|<0\.1%$/);

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="p5-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('with the id-mode comparison the table shows four id modes with their leak share, and at 390 px the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, `/?lab=p5&${QUICK}&idModeSweep=true&idModeUsers=10&backend=wasm`);
  await expect(page.getByTestId('p5-idmodes-hint')).toContainText('After a run');
  await train(page);
  await waitForStatus(page, 'finished');
  const ids = page.getByTestId('p5-idmodes');
  await expect(ids).toHaveAttribute('data-done', 'true');
  await expect(ids.getByTestId('p5-idmode-row')).toHaveCount(4);
  for (const leak of await ids.getByTestId('p5-leak').all()) await expect(leak).toHaveText(/^\d{1,3}\.\d%$/);
  await expect(ids.locator('[data-testid="p5-idmode-row"][data-mode="sequential-leaky"]')).toContainText('leaks');
  for (const cell of await ids.getByTestId('p5-idmode-score').all()) await expect(cell).toHaveText(/^\d\.\d{4}$/);
  await expect(page.getByTestId('p5-result-row')).toHaveCount(7);
  await expect(page.getByTestId('p5-playground-model').first()).toBeVisible();
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  expect(scroll).toBeLessThanOrEqual(390);
});
