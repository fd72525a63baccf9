// Lessons: a teacher opens the start page, starts a lab's lesson and follows it to the end on tiny; old lab links
// still open the lab; a classroom link opens a step with settings locked or hidden, and "Copy link" makes one.
import { expect, test } from '@playwright/test';
import { openLab, readStore } from './helpers';

test('a teacher opens the start page, starts a lesson and follows every step on tiny, runs finishing', async ({ page }) => {
  test.setTimeout(300_000);
  await openLab(page, '/?backend=wasm');
  await expect(page.getByTestId('start-page')).toBeVisible();
  for (const part of ['basics', 'joint', 'weighting', 'reformulation']) await expect(page.getByTestId(`start-part-${part}`)).toBeVisible();
  await expect(page.locator('[data-testid^="start-card-"]')).toHaveCount(9);
  await expect(page.locator('svg[data-testid^="thumb-"]')).toHaveCount(9);
  await expect(page.getByTestId('start-card-pop-vs-mf')).toContainText('Default run: 20 epochs');
  expect(page.url()).not.toContain('lab=');

  await page.getByTestId('start-lesson-pop-vs-mf').click();
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toBeVisible();
  // Beside the charts and above the fold at 1280×800.
  const panel = (await lesson.boundingBox())!;
  const chart = (await page.getByTestId('chart-ndcg').boundingBox())!;
  expect(panel.y).toBeLessThan(400);
  expect(panel.x + panel.width).toBeLessThanOrEqual(chart.x);

  const steps = 5;
  for (let i = 1; i <= steps; i++) {
    await expect(lesson).toHaveAttribute('data-step', String(i));
    await expect(page).toHaveURL(new RegExp(`lesson=${i}(&|$)`));
    await expect(page.getByTestId('lesson-explanation')).toHaveCount(0);
    if (i < steps) await expect(page.getByTestId('lesson-next')).toBeDisabled();
    await page.getByTestId('lesson-apply-train').click();
    await expect(page.getByTestId('lesson-explanation')).toBeVisible({ timeout: 120_000 });
    const s = await readStore(page);
    // The last step asks for a run that blows up: it ends diverged, which is its end.
    expect(s.status).toBe(i === steps ? 'diverged' : 'finished');
    expect(s.config.dataset).toBe('tiny');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-lesson-watch]')?.getAttribute('data-testid') ?? null)).not.toBeNull();
    if (i < steps) await page.getByTestId('lesson-next').click();
  }
  await expect(page.getByTestId('lesson-complete')).toBeVisible();

  // A step that quotes a finding offers its re-run in this browser.
  await page.getByTestId('lesson-dot-1').click();
  await expect(page.getByTestId('lesson-explanation')).toContainText('measured on workshop');
  await lesson.getByText('The recorded numbers').click();
  await expect(lesson.getByTestId('finding-rerun')).toBeVisible();

  // Back to the start page: its link names no lab.
  await page.getByTestId('home').click();
  await expect(page.getByTestId('start-page')).toBeVisible();
  await expect.poll(() => new URL(page.url()).search).toBe('?backend=wasm');
  // The browser's Back returns to the lab and its lesson; Back again to the start page the teacher opened.
  await page.goBack();
  await expect(lesson).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('start-page')).toBeVisible();
  // "← All labs" on a lab's page goes back too.
  await page.getByTestId('start-open-weighting').click();
  await page.getByTestId('back-to-start').click();
  await expect(page.getByTestId('start-page')).toBeVisible();
});

test('an old link with lab= opens that lab directly, its lesson one click away', async ({ page }) => {
  await openLab(page, '/?lab=weighting&dataset=tiny');
  await expect(page.getByTestId('start-page')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weighting objectives');
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await page.getByTestId('lesson-open').click();
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '1');
  await expect(page).toHaveURL(/lesson=1/);
});

test('a classroom link opens a step with settings locked and hidden, and Copy link makes such links', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  await openLab(page, '/?lab=pop-vs-mf&dataset=tiny&lesson=2&lock=dataset,epochs&hide=seed,backend&backend=wasm');
  await expect(page.getByTestId('notices')).toHaveCount(0);
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '2');
  await expect(page.locator('select[name="dataset"]')).toBeDisabled();
  await expect(page.locator('input[name="epochs"]')).toBeDisabled();
  await expect(page.locator('[name="seed"]')).toHaveCount(0);
  await expect(page.getByTestId('backend-select')).toHaveCount(0);

  // The step applies its settings around the locks, says so, and its run still counts.
  await page.getByTestId('lesson-apply-train').click();
  await expect(page.getByTestId('lesson-locked')).toContainText('epochs');
  await expect(page.getByTestId('lesson-explanation')).toBeVisible({ timeout: 120_000 });
  const s = await readStore(page);
  expect(s.config).toMatchObject({ dataset: 'tiny', epochs: 20, seed: 7 });

  await page.getByTestId('classroom').locator('summary').click();
  await page.getByTestId('classroom-l2').selectOption('lock');
  await page.getByTestId('classroom-copy').click();
  await expect(page.getByTestId('classroom').getByRole('status')).toBeVisible();
  const link = await page.getByTestId('classroom-url').inputValue();
  expect(link).toContain('lesson=2');
  expect(link).toContain('lock=dataset,epochs,l2');
  expect(link).toContain('hide=seed,backend');

  await openLab(page, link);
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '2');
  await expect(page.locator('input[name="l2"]')).toBeDisabled();
  await expect(page.getByTestId('backend-select')).toHaveCount(0);
});

test('on a phone the lesson is a compact panel near the top and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '/?lab=pop-vs-mf&lesson=1&backend=wasm');
  const lesson = page.getByTestId('lesson');
  await expect(page.getByTestId('lesson-toggle')).toHaveAttribute('aria-expanded', 'false');
  expect((await lesson.boundingBox())!.y).toBeLessThan(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId('lesson-apply-train').click();
  // The watched chart is scrolled to; when the run ends a button brings the explanation back into sight.
  await page.getByTestId('lesson-read-why').click({ timeout: 120_000 });
  await expect(page.getByTestId('lesson-explanation')).toBeInViewport();
  await expect(page.getByTestId('lesson-read-why')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
