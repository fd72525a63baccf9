// Someone with a screen reader, keyboard or low vision opens each lab: axe-core (WCAG 2 A/AA rules) finds no
// serious or critical violation, before a run and after one, in the whole app, on the start page, in a lesson
// and in embed mode.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLab, waitForStatus } from './helpers';

/** Each lab with its quick settings (the registry's `quick`), so a run takes seconds. */
const LABS: { id: string; quick: string }[] = [
  { id: 'pop-vs-mf', quick: 'dataset=tiny&epochs=2' },
  { id: 'weighting', quick: 'dataset=tiny&epochs=1&warmStartEpochs=2&usersPerStep=32' },
  { id: 'consumption', quick: 'dataset=tiny&trainSeeds=2&warmStartEpochs=2&embeddingDim=8' },
  { id: 'mult-vae', quick: 'dataset=tiny&size=tiny&batchSize=20&epochs=2' },
  { id: 'amp-cf', quick: 'dataset=tiny&epochs=2' },
  { id: 'wide-deep', quick: 'dataset=tiny&epochs=2&impressionsPerUser=40' },
  { id: 'conversation', quick: 'dataset=tiny&trainingEpisodes=20&evalEvery=10&validEpisodes=10&testEpisodes=20&pretrainEpochs=1&replayEpisodes=2&headShare=0.5' },
  { id: 'kgat', quick: 'dataset=tiny&epochs=2&embeddingDim=8&batchSize=512&kgBatchSize=1024' },
  { id: 'p5', quick: 'dataset=tiny&epochs=1&dim=16&heads=2&encoderLayers=1&decoderLayers=1&examplesSequential=128&examplesYesNo=128&examplesChoose=64&batchSize=32&historyLength=5&validationUsers=20' },
];

/** Serious and critical violations only, each as "rule: target (summary)" so a failure names what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`));
}

for (const lab of LABS) {
  test(`the ${lab.id} lab has no serious or critical axe violations, before and after a run`, async ({ page }) => {
    await openLab(page, `/?lab=${lab.id}&${lab.quick}&backend=wasm`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const before = await seriousViolations(page);
    await page.getByTestId('play').click();
    await waitForStatus(page, 'finished');
    // Every chart shown as its table too: the tables must pass as well.
    const toggles = page.getByTestId('chart-table-toggle');
    for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
    const after = await seriousViolations(page);
    test.info().annotations.push({ type: 'axe', description: `${lab.id}: ${before.length} before, ${after.length} after a run` });
    expect(before, 'before a run').toEqual([]);
    expect(after, 'after a run').toEqual([]);
  });
}

test('embed mode has no serious or critical axe violations', async ({ page }) => {
  await openLab(page, '/?embed=weighting&dataset=tiny');
  await expect(page.getByTestId('embed')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('at 390 px the phone layout has no serious or critical axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '/?lab=weighting&dataset=tiny');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the start page and an open lesson (with its classroom-link form) have no serious or critical axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('start-page')).toBeVisible();
  expect(await seriousViolations(page), 'start page').toEqual([]);
  await openLab(page, '/?lab=consumption&lesson=2');
  await page.getByTestId('classroom').locator('summary').click();
  expect(await seriousViolations(page), 'lesson panel').toEqual([]);
});
