// A person asks for WebGPU in a browser that has no WebGPU adapter: the lab falls back and says why.
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../src/cli/chromium';
import { openLab, readStore, train, waitForStatus } from './helpers';

// The same browser as the rest of the suite, without the flag that gives WebGPU its software adapter.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu'),
  },
});

test('asking for WebGPU without an adapter trains on another backend and shows why WebGPU was skipped', async ({ page }) => {
  await openLab(page, '/?backend=webgpu&dataset=tiny&epochs=1');
  await train(page);
  await waitForStatus(page, 'finished');

  const { run } = await readStore(page);
  expect(run!.backend!.requested).toBe('webgpu');
  expect(run!.backend!.active).not.toBe('webgpu');
  expect(run!.backend!.attempts[0]).toMatchObject({ name: 'webgpu', ok: false });
  expect(run!.outcome).toEqual({ status: 'completed' });

  await expect(page.getByTestId('backend-badge').locator('summary')).toHaveText(new RegExp(`^${run!.backend!.active}\\b`));
  await expect(page.getByTestId('backend-skipped')).toContainText('no WebGPU adapter');
});
