// The conversation lab's panel: every policy on the test conversations (SR@t chart and table) and a test
// conversation replayed by two policies side by side with the learned policies' Q-values; at 390 px too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

const QUICK = 'dataset=tiny&trainingEpisodes=40&evalEvery=20&validEpisodes=20&testEpisodes=50&pretrainEpochs=2&headShare=0.5&replayEpisodes=8';

test('a run scores every policy on the test conversations and replays them with Q-values', async ({ page }) => {
  await openLab(page, `/?lab=conversation&${QUICK}&backend=wasm`);
  await expect(page.getByTestId('conv-test-hint')).toContainText('Press ▶ Train');
  await expect(page.getByTestId('conv-replay-hint')).toContainText('After a run');
  await train(page);
  await waitForStatus(page, 'finished');
  expect((await readStore(page)).config.testEpisodes).toBe(50);

  // The test view: one line per policy (the rules dashed), a row per policy, the number of conversations, where the weights were chosen.
  const view = page.getByTestId('conv-test');
  await expect(view.getByTestId('conv-test-chart')).toContainText('↑ higher is better');
  await expect(view.locator('.recharts-line')).toHaveCount(5);
  await expect(view.locator('.recharts-line-curve[stroke-dasharray="6 4"]')).toHaveCount(3);
  await expect(view.getByTestId('conv-test-row')).toHaveCount(5);
  await expect(view.getByTestId('conv-test-episodes')).toHaveText('50');
  await expect(view.getByTestId('conv-selected-at')).toContainText(/after \d+ training conversations/);
  await expect(view.getByTestId('conv-unified-when')).toContainText(/SR@15 \d\.\d{3}/);
  await view.getByTestId('chart-table-toggle').click();
  await expect(view.locator('.chart-table tbody tr')).toHaveCount(15);
  await view.getByTestId('chart-table-toggle').click();

  // The replay: unified against separated by default, each turn with its answer; a learned policy's turns list their Q-values.
  const replay = page.getByTestId('conv-replay');
  await expect(replay.getByTestId('conv-replay-policy-a')).toHaveValue('unified');
  await expect(replay.getByTestId('conv-replay-policy-b')).toHaveValue('separated');
  await expect(replay.getByTestId('conv-replay-episode').locator('option')).toHaveCount(8);
  await replay.getByTestId('conv-replay-episode').selectOption('3');
  await expect(replay.getByTestId('conv-replay-target')).toContainText('looks for');
  const columns = replay.getByTestId('conv-replay-column');
  await expect(columns).toHaveCount(2);
  const unified = columns.nth(0);
  expect(await unified.getByTestId('conv-turn').count()).toBeGreaterThan(0);
  expect(await unified.getByTestId('conv-q-row').count()).toBeGreaterThan(0);
  // One chosen row per turn of a learned policy; the unified policy lists its best 3 asks and recommendations until asked for all 20.
  expect(await unified.locator('[data-testid="conv-q-row"][data-chosen="true"]').count()).toBe(await unified.getByTestId('conv-turn').count());
  const firstTurn = unified.getByTestId('conv-turn').first();
  const few = await firstTurn.getByTestId('conv-q-row').count();
  expect(few).toBeLessThanOrEqual(7);
  await firstTurn.getByTestId('conv-q-all').click();
  expect(await firstTurn.getByTestId('conv-q-row').count()).toBeGreaterThan(few);
  await expect(unified.getByTestId('conv-replay-outcome')).toContainText(/turn|recommend/);

  // Another policy on the right: a rule has turns but no Q-values.
  await replay.getByTestId('conv-replay-policy-b').selectOption('max-entropy');
  const rule = columns.nth(1);
  await expect(rule).toHaveAttribute('data-policy', 'max-entropy');
  expect(await rule.getByTestId('conv-turn').count()).toBeGreaterThan(0);
  await expect(rule.getByTestId('conv-q-row')).toHaveCount(0);
  await expect(rule.getByTestId('conv-answer').first()).toHaveText(/accepted|rejected|success|miss|no candidates/);

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="conv-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('at 390 px the replay stacks its two columns and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, `/?lab=conversation&${QUICK}&backend=wasm`);
  await train(page);
  await waitForStatus(page, 'finished');
  const columns = page.getByTestId('conv-replay-column');
  await expect(columns).toHaveCount(2);
  const [a, b] = [(await columns.nth(0).boundingBox())!, (await columns.nth(1).boundingBox())!];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  expect(await page.getByTestId('conv-q-row').count()).toBeGreaterThan(0);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  expect(scroll).toBeLessThanOrEqual(390);
});

test('its lesson runs its first step on workshop, the test view watched and the measured explanation shown', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page, '/?backend=wasm');
  await page.getByTestId('start-lesson-conversation').click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-step', '1');
  await page.getByTestId('lesson-apply-train').click();
  await expect(page.getByTestId('lesson-explanation')).toBeVisible({ timeout: 180_000 });
  const s = await readStore(page);
  expect(s.status).toBe('finished');
  expect(s.config.dataset).toBe('workshop');
  expect(s.config.trainingEpisodes).toBe(400);
  await expect(page.getByTestId('conv-test')).toHaveAttribute('data-lesson-watch', '');
  await expect(page.getByTestId('conv-test-row')).toHaveCount(5);
  await expect(page.getByTestId('lesson-explanation')).toContainText('The rules need no training');
  await expect(page.getByTestId('lesson-explanation')).toContainText(/asking 3 attributes first finds 0\.\d{3}/);
  await expect(page.getByTestId('lesson-explanation')).not.toContainText('not yet measured');
});
