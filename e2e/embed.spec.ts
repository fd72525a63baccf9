// A teacher puts one lab on a course page in an iframe (`?embed=<lab>`): the lab's controls and charts show, the
// app's header, lab navigation and about text do not, and it trains inside the frame.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus } from './helpers';

test('?embed=weighting shows the lab alone, trains, and keeps embed in the link', async ({ page }) => {
  await openLab(page, '/?embed=weighting&dataset=tiny&epochs=1&warmStartEpochs=1&backend=wasm');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weighting objectives');
  // No chrome: no header, no lab navigation, no backend picker, no about panel, no notices.
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Labs' })).toHaveCount(0);
  await expect(page.getByTestId('backend-select')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'About this lab' })).toHaveCount(0);
  await expect(page.getByTestId('notices')).toHaveCount(0);
  // The lab's own controls and charts are there.
  await expect(page.getByTestId('weight-panel')).toBeVisible();
  await expect(page.getByTestId('chart-rewards')).toBeVisible();

  await page.getByTestId('slider-wDiversity').fill('0.5');
  await expect.poll(() => new URL(page.url()).searchParams.get('wDiversity')).toBe('0.5');
  expect(new URL(page.url()).searchParams.get('embed')).toBe('1');
  const full = new URL((await page.getByTestId('embed-open-full').getAttribute('href'))!, page.url());
  expect(full.searchParams.get('embed')).toBeNull();
  expect(full.searchParams.get('lab')).toBe('weighting');
  expect(full.searchParams.get('wDiversity')).toBe('0.5');

  await train(page);
  await waitForStatus(page, 'finished');
  const s = await readStore(page);
  expect(s.labId).toBe('weighting');
  expect(s.run?.outcome?.status).toBe('completed');
  await expect(page.getByTestId('chart-rewards')).not.toHaveAttribute('data-points', '0');
});

test('embed=1 with lab= embeds that lab; the page says nothing about either parameter', async ({ page }) => {
  await openLab(page, '/?embed=1&lab=mult-vae&dataset=tiny');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The loss is an objective');
  await expect(page.getByTestId('notices')).toHaveCount(0);
});

test('a course page frames the embedded lab and it trains inside the iframe', async ({ page, baseURL }) => {
  // The course page is served from another origin (another port: a page Playwright makes up itself would count
  // as public, and Chromium keeps a public page from framing a local server); the lab comes from the app's server.
  const src = `${baseURL}/?embed=pop-vs-mf&dataset=tiny&epochs=1&backend=wasm`;
  const course = createServer((_, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Course</title><h1>Week 3</h1><iframe title="Objective Lab" src="${src}" width="900" height="700" loading="lazy"></iframe>`),
  );
  await new Promise<void>((ok) => course.listen(0, '127.0.0.1', ok));
  try {
    await page.goto(`http://127.0.0.1:${(course.address() as AddressInfo).port}/week3`);
    const frame = page.frameLocator('iframe[title="Objective Lab"]');
    await expect(frame.getByTestId('embed')).toBeVisible();
    await frame.getByTestId('play').click();
    await expect(frame.getByTestId('run-status')).toHaveText('finished', { timeout: 90_000 });
    await expect(frame.getByTestId('chart-loss')).not.toHaveAttribute('data-points', '0');
  } finally {
    await new Promise<void>((ok) => course.close(() => ok()));
  }
});

test('at 390 px the embedded lab does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '/?embed=weighting&dataset=tiny');
  await expect(page.getByTestId('weight-panel')).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth + 1)).toBe(true);
});
