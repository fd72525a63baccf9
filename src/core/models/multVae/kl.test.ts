// The KL term of Mult-VAE against its closed form.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
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
