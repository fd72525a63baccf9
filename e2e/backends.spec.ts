// A person forces each tfjs backend from the URL: that backend trains, the badge names it, and the loss falls.
import { expect, test } from '@playwright/test';
import { mean, openLab, readStore, stepLosses, train, waitForStatus } from './helpers';

// One epoch of tiny in batches of 64: 35 steps, about 9 s on webgl (SwiftShader, ~250 ms a step).
for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
  test(`a run forced onto ${backend} trains on ${backend} and its loss falls`, async ({ page }) => {
    await openLab(page, `/?backend=${backend}&dataset=tiny&epochs=1&batchSize=64`);
    await expect(page.getByTestId('backend-select')).toHaveValue(backend);

    await train(page);
    await waitForStatus(page, 'finished');

    const { run, executionMode } = await readStore(page);
    expect(executionMode).toBe('worker');
    expect(run!.backend!.requested).toBe(backend);
    expect(run!.backend!.active).toBe(backend);
    await expect(page.getByTestId('backend-badge').locator('summary')).toHaveText(new RegExp(`^${backend}\\b`));
    await expect(page.getByTestId('backend-skipped')).toHaveCount(0);

    // Every step of the epoch is there, and the last five losses are below the first five.
    expect(run!.stepsPerEpoch).toBeGreaterThanOrEqual(10);
    const losses = await stepLosses(page);
    expect(losses).toHaveLength(run!.stepsPerEpoch);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)));
  });
}
