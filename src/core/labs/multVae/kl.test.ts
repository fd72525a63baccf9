// The KL term against its closed form, and the β schedule that weights it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { betaAt, updatesToCap } from './beta';
import { klClosedForm, klToStandardNormal } from './kl';

beforeAll(useWasm);

describe('KL(N(μ, σ²) ‖ N(0, I))', () => {
  it('matches ½ Σ (μ² + σ² − 1 − log σ²) on a hand case', async () => {
    // μ = [1, 0], σ² = [1, 2]: ½ [(1 + 1 − 1 − 0) + (0 + 2 − 1 − ln 2)] = 1 − ½ ln 2.
    const expected = 1 - 0.5 * Math.LN2;
    expect(klClosedForm([1, 0], [0, Math.LN2])).toBeCloseTo(expected, 12);
    const t = klToStandardNormal(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, Math.LN2]]));
    expect((await t.data())[0]).toBeCloseTo(expected, 6);
    t.dispose();
  });

  it('is 0 at the prior and positive elsewhere, per user, matching the closed form on random posteriors', async () => {
    const rng = new Rng(3);
    const mu = rng.normalArray(4 * 5, 1);
    const lv = rng.normalArray(4 * 5, 1);
    const t = klToStandardNormal(tf.tensor2d(mu, [4, 5]), tf.tensor2d(lv, [4, 5]));
    const got = Array.from(await t.data());
    t.dispose();
    got.forEach((v, r) => {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeCloseTo(klClosedForm(mu.subarray(r * 5, r * 5 + 5), lv.subarray(r * 5, r * 5 + 5)), 4);
    });
    const zero = klToStandardNormal(tf.zeros([2, 3]) as tf.Tensor2D, tf.zeros([2, 3]) as tf.Tensor2D);
    expect(Array.from(await zero.data())).toEqual([0, 0]);
    zero.dispose();
  });
});

describe('the β schedule', () => {
  const linear = { anneal: 'linear' as const, cap: 0.2, annealSteps: 1000 };

  it('starts at 0 and grows by 1/annealSteps per update', () => {
    expect(betaAt(0, linear)).toBe(0);
    expect(betaAt(1, linear)).toBeCloseTo(0.001, 12);
    expect(betaAt(150, linear)).toBeCloseTo(0.15, 12);
  });

  it('stops at the cap, reached after cap · annealSteps updates', () => {
    expect(updatesToCap(linear)).toBe(200);
    expect(betaAt(200, linear)).toBeCloseTo(0.2, 12);
    expect(betaAt(201, linear)).toBe(0.2);
    expect(betaAt(1e6, linear)).toBe(0.2);
  });

  it('anneals all the way to 1 with cap 1 (the paper’s way to find the best β)', () => {
    const full = { ...linear, cap: 1 };
    expect(betaAt(500, full)).toBeCloseTo(0.5, 12);
    expect(betaAt(1000, full)).toBe(1);
    expect(betaAt(5000, full)).toBe(1);
  });

  it('is the cap from the first update when fixed, and 0 throughout with cap 0', () => {
    const fixed = { ...linear, anneal: 'fixed' as const };
    expect(betaAt(0, fixed)).toBe(0.2);
    expect(betaAt(999, fixed)).toBe(0.2);
    expect(updatesToCap(fixed)).toBe(0);
    expect(betaAt(500, { ...linear, cap: 0 })).toBe(0);
  });
});
