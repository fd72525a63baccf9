// Backend choice in Node: auto lands on wasm, forced choices are honoured or fall back, and every skip says why.
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { activeBackend, BACKENDS, describeBackend, selectBackend, type BackendReport } from './backends';

const NOT_IN_BROWSER = 'not available outside a browser';

describe('selectBackend in Node', () => {
  it("lands on wasm for 'auto', after skipping webgpu and webgl because there is no browser", async () => {
    const r = await selectBackend('auto');
    expect(r.requested).toBe('auto');
    expect(r.active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(activeBackend()).toBe('wasm');
    expect(r.attempts).toEqual([
      { name: 'webgpu', ok: false, reason: NOT_IN_BROWSER },
      { name: 'webgl', ok: false, reason: NOT_IN_BROWSER },
      { name: 'wasm', ok: true },
      { name: 'cpu', ok: false, reason: 'not tried: wasm works' },
    ]);
  });

  it("gives cpu when cpu is forced, and lists the others as not tried", async () => {
    const r = await selectBackend('cpu');
    expect(r.active).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(r.attempts[0]).toEqual({ name: 'cpu', ok: true });
    expect(r.attempts.slice(1).every((a) => !a.ok && a.reason === 'not tried: cpu works')).toBe(true);
  });

  it('reports every backend exactly once', async () => {
    const r = await selectBackend('cpu');
    expect(r.attempts.map((a) => a.name).sort()).toEqual([...BACKENDS].sort());
  });

  it("falls back from a forced 'webgpu' to wasm, saying why webgpu was skipped", async () => {
    const r = await selectBackend('webgpu');
    expect(r.requested).toBe('webgpu');
    expect(r.active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(r.attempts[0]).toEqual({ name: 'webgpu', ok: false, reason: NOT_IN_BROWSER });
  });

  it('computes correctly on the backend it picked (the smoke test passed)', async () => {
    await selectBackend('auto');
    const t = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [1]])));
    expect(Array.from(await t.data())).toEqual([3, 7]);
    t.dispose();
  });
});

describe('describeBackend', () => {
  it('names the active backend, then each skipped one with its reason', async () => {
    const r = await selectBackend('auto');
    expect(describeBackend(r)).toBe(`wasm (webgpu: ${NOT_IN_BROWSER}; webgl: ${NOT_IN_BROWSER})`);
  });

  it('is just the name when the first choice worked (backends not tried are not skips)', async () => {
    expect(describeBackend(await selectBackend('wasm'))).toBe('wasm');
    expect(describeBackend(await selectBackend('cpu'))).toBe('cpu');
  });

  it('lists a failure with its own reason', () => {
    const r: BackendReport = {
      requested: 'webgl',
      active: 'cpu',
      attempts: [
        { name: 'webgl', ok: false, reason: 'no WebGL context (GPU blocked or unavailable)' },
        { name: 'webgpu', ok: false, reason: 'no WebGPU adapter' },
        { name: 'wasm', ok: false, reason: 'smoke test computed 0 instead of 10' },
        { name: 'cpu', ok: true },
      ],
    };
    expect(describeBackend(r)).toBe(
      'cpu (webgl: no WebGL context (GPU blocked or unavailable); webgpu: no WebGPU adapter; wasm: smoke test computed 0 instead of 10)',
    );
  });
});

afterAll(async () => {
  await useWasm();
  expect(tf.getBackend()).toBe('wasm');
});
