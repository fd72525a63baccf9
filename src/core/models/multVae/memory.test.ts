// The memory estimate, the budgets, and the error that names the largest catalogue that fits.
import { describe, expect, it } from 'vitest';
import { ErrorCode, LabError } from '../../errors';
import { checkMemory, estimateBytes, largestCatalogue, memoryBudgetBytes, paramCount, type MemoryPlan } from './memory';

const plan = (over: Partial<MemoryPlan> = {}): MemoryPlan => ({
  numItems: 1700,
  hidden: 600,
  latent: 200,
  batchSize: 100,
  models: ['vae', 'vae', 'vae'],
  firstLayer: 'sparse',
  ...over,
});

describe('paramCount', () => {
  it('counts W₁, W₂ (two heads for the VAE), W₃, W₄ and their biases', () => {
    // I = 10, H = 4, L = 2. VAE: 40 + 4 + 4·4 + 4 + 2·4 + 4 + 40 + 10 = 126; DAE: one head, 8 + 2 fewer.
    expect(paramCount(10, 4, 2, 'vae')).toBe(126);
    expect(paramCount(10, 4, 2, 'dae')).toBe(116);
  });
});

describe('estimateBytes', () => {
  it('is 4 bytes × (3 copies of every model + one gradient + the step’s activations + an evaluation block)', () => {
    const p = plan({ numItems: 10, hidden: 4, latent: 2, batchSize: 5, models: ['vae', 'dae'] });
    const floats = 3 * (126 + 116) + 126 + 8 * 5 * 10 + 12 * 5 * 4 + 2 * 256 * 10;
    expect(estimateBytes(p)).toBe(4 * floats);
    // The dense first layer keeps two more batch × items matrices.
    expect(estimateBytes({ ...p, firstLayer: 'dense' })).toBe(4 * (floats + 2 * 5 * 10));
  });

  it('puts the workshop run (1,700 items, three paper-size VAEs) far below every budget', () => {
    // ≈ 103 MiB, most of it three copies (weights, Adam's m and v) of three 2.2M-parameter models.
    expect(estimateBytes(plan())).toBeLessThan(200 * 1024 ** 2);
  });
});

describe('budgets and the largest catalogue', () => {
  it('gives wasm, cpu and webgpu 2 GiB and webgl 1 GiB', () => {
    expect(memoryBudgetBytes('wasm')).toBe(2 * 1024 ** 3);
    expect(memoryBudgetBytes('cpu')).toBe(2 * 1024 ** 3);
    expect(memoryBudgetBytes('webgpu')).toBe(2 * 1024 ** 3);
    expect(memoryBudgetBytes('webgl')).toBe(1024 ** 3);
  });

  it('finds the largest catalogue that fits: it fits, one more item does not', () => {
    const budget = memoryBudgetBytes('wasm');
    const { numItems: _, ...rest } = plan();
    const n = largestCatalogue(rest, budget);
    expect(estimateBytes({ ...rest, numItems: n })).toBeLessThanOrEqual(budget);
    expect(estimateBytes({ ...rest, numItems: n + 1 })).toBeGreaterThan(budget);
    // Three paper-size VAEs at batch 100 on wasm: about 40 thousand items (≈ 53 kB per item).
    expect(n).toBeGreaterThan(35_000);
    expect(n).toBeLessThan(45_000);
  });
});

describe('checkMemory', () => {
  it('passes a catalogue that fits', () => {
    expect(() => checkMemory(plan(), 'wasm')).not.toThrow();
  });

  it('rejects one that does not with OL101, the estimate, the budget and the largest that fits', () => {
    const p = plan({ numItems: 200_000 });
    let err: unknown;
    try {
      checkMemory(p, 'wasm');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LabError);
    expect((err as LabError).code).toBe(ErrorCode.InvalidConfigValue);
    const { numItems: _, ...rest } = p;
    const fits = largestCatalogue(rest, memoryBudgetBytes('wasm')).toLocaleString('en-US');
    expect((err as Error).message).toMatch(/^OL101: a catalogue of 200,000 items needs about \d+\.\d\d GiB of tensors on wasm \(budget 2\.00 GiB\)/);
    expect((err as Error).message).toContain(`the largest catalogue that fits at these sizes is ${fits} items`);
  });
});
