// The done-criterion "the CLI reproduces the browser's numbers for the same seed and backend (WASM)": the same
// run in the browser and in `npm run lab` gives the same epoch values.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLab, readStore, train, waitForStatus, type StoreEvent } from './helpers';

interface CliRecord {
  labId: string;
  config: Record<string, unknown>;
  backend: string;
  outcome: { status: string };
  events: ({ kind: string } & Partial<StoreEvent>)[];
}

/** Runs the CLI headless (same core, same config) and returns its JSON record. */
function runCli(args: string[]): CliRecord {
  const dir = mkdtempSync(join(tmpdir(), 'ol-cli-parity-'));
  const out = join(dir, 'run.json');
  try {
    execFileSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args, '--out', out], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    return JSON.parse(readFileSync(out, 'utf8')) as CliRecord;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the CLI reproduces the browser’s epoch values for the same seed on WASM', async ({ page }) => {
  await openLab(page, '/?dataset=tiny&epochs=3&seed=7&backend=wasm');
  await train(page);
  await waitForStatus(page, 'finished');
  const { run } = await readStore(page);
  expect(run!.backend!.active).toBe('wasm');
  const browser = run!.epochs;
  expect(browser.map((e) => e.epoch)).toEqual([0, 1, 2, 3]);

  const cli = runCli(['run', 'pop-vs-mf', '--set', 'dataset=tiny', '--set', 'epochs=3', '--seed', '7', '--backend', 'wasm']);
  expect(cli.backend).toBe('wasm');
  expect(cli.outcome).toEqual({ status: 'completed' });
  expect(cli.config).toEqual(run!.config);
  const cliEpochs = cli.events.filter((e) => e.kind === 'epoch');
  expect(cliEpochs.map((e) => [e.epoch, e.step])).toEqual(browser.map((e) => [e.epoch, e.step]));

  let identical = true;
  browser.forEach((b, i) => {
    const c = cliEpochs[i].values!;
    expect(Object.keys(c).sort()).toEqual(Object.keys(b.values).sort());
    for (const [key, v] of Object.entries(b.values)) {
      expect(Math.abs(c[key] - v), `epoch ${b.epoch} ${key}: browser ${v}, CLI ${c[key]}`).toBeLessThanOrEqual(1e-6);
      if (c[key] !== v) identical = false;
    }
  });
  // The per-step losses match too (they are float32 values read back from the same kernels).
  const cliLosses = cli.events.filter((e) => e.kind === 'step').map((e) => e.values!['loss/mf']);
  const browserLosses = run!.steps.map((s) => s.values['loss/mf']);
  expect(cliLosses).toHaveLength(browserLosses.length);
  cliLosses.forEach((l, i) => expect(Math.abs(l - browserLosses[i])).toBeLessThanOrEqual(1e-6));
  test.info().annotations.push({ type: 'bit-identical', description: String(identical && cliLosses.every((l, i) => l === browserLosses[i])) });
});
