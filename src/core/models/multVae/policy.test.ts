// Mult-VAE as a softmax policy: it reads a user's items (and refuses to score without them), and its warm-start
// objective weighs the KL per item like the likelihood.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { POLICIES } from '../registry';
import { warmObjective } from './policy';

beforeAll(useWasm);

describe('the Mult-VAE policy', () => {
  it('reads inputs, and refuses to score without them (so hidden items are never fed in by accident)', () => {
    const policy = POLICIES['mult-vae'](4, 6, 3, new Rng(1));
    try {
      expect(policy.readsInputs).toBe(true);
      expect(() => tf.tidy(() => policy.logits(tf.tensor1d([0], 'int32')))).toThrow(/inputs/);
      const l = tf.tidy(() => policy.logits(tf.tensor1d([0], 'int32'), { inputs: [Int32Array.from([1, 2])] }));
      expect(l.shape).toEqual([1, 6]);
      l.dispose();
    } finally {
      policy.dispose();
    }
  });

  it("divides its warm-start the KL by the row length, as it does the likelihood", async () => {
    // One user with 2 items of 3: π = ⅓ each, target (½, ½, 0) → NLL = ln 3; μ = 1, log σ² = 0 → KL = ½; β = 0.2 → + 0.2·½/2.
    const v = tf.tidy(() => warmObjective(tf.zeros([1, 3]), tf.ones([1, 1]), tf.zeros([1, 1]), tf.tensor2d([[0.5, 0.5, 0]]), [2], 0.2));
    expect((await v.data())[0]).toBeCloseTo(Math.log(3) + 0.05, 6);
    v.dispose();
  });

});
