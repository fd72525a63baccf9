// The dueling Q-network: its aggregation on hand-set weights, the JS forward pass matching tfjs, soft updates by hand.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { useWasm } from '../testing/tfSetup';
import { createDuelingQ, maskedArgMax, qValuesJs, softUpdate, type DuelingQ } from './duelingQ';

beforeAll(useWasm);

const f = (...x: number[]) => Float32Array.from(x);

/**
 * S = A = H = 2 with weights chosen so every number is easy by hand:
 *   V(s)    = relu(s0) + relu(s1) + 0.5
 *   A(s, a) = relu(s0 + a1) − relu(a0) + 0.1
 */
const HAND = [
  f(1, 0, 0, 1), f(0, 0), f(1, 1), f(0.5), // W_v1, b_v1, w_v2, b_v2
  f(1, 0, 0, 0), f(0, 1, 1, 0), f(0, 0), f(1, -1), f(0.1), // W_as, W_aa, b_a1, w_a2, b_a2
];
const handNet = (): DuelingQ => {
  const n = createDuelingQ({ stateDim: 2, actionDim: 2, hidden: 2, rng: new Rng(1) });
  n.restore(HAND);
  return n;
};

/** Two states padded to Kmax = 4: s = (1, −2) with 3 candidates, s = (−1, 3) with 1. */
const STATES = f(1, -2, -1, 3);
const CANDS = f(1, 0, 0, 2, 3, -5, 0, 0, /* row 2 */ 0, 0.5, 0, 0, 0, 0, 0, 0);
const MASK = f(1, 1, 1, 0, 1, 0, 0, 0);

async function read(t: tf.Tensor): Promise<number[]> {
  try {
    return Array.from(await t.data());
  } finally {
    t.dispose();
  }
}

const parts = (n: DuelingQ) =>
  tf.tidy(() => {
    const p = n.parts(tf.tensor2d(STATES, [2, 2]), tf.tensor3d(CANDS, [2, 4, 2]), tf.tensor2d(MASK, [2, 4]));
    return [p.value, p.advantage, p.q];
  });

describe('dueling Q-network', () => {
  it('adds V(s) to each advantage minus the mean advantage over the valid candidates only', async () => {
    const n = handNet();
    const [v, a, q] = await Promise.all(parts(n).map(read));
    expect(v[0]).toBeCloseTo(1.5, 6);
    expect(v[1]).toBeCloseTo(3.5, 6);
    // A: relu(1+0)−1+0.1, relu(1+2)−0+0.1, relu(1−5)−3+0.1; the padding's 1.1 is outside the mean (0.1).
    [0.1, 3.1, -2.9, 1.1].forEach((x, k) => expect(a[k]).toBeCloseTo(x, 6));
    [1.5, 4.5, -1.5].forEach((x, k) => expect(q[k]).toBeCloseTo(x, 5));
    // One candidate: its advantage is its own mean, so Q = V.
    expect(q[4]).toBeCloseTo(3.5, 6);
    // The mean variant makes V the mean of the valid Q-values.
    expect((q[0] + q[1] + q[2]) / 3).toBeCloseTo(v[0], 5);
    n.dispose();
  });

  it('computes the same Q-values in plain JS from the weights as in tfjs, for random weights and candidate counts', async () => {
    const rng = new Rng(11);
    const n = createDuelingQ({ stateDim: 16, actionDim: 8, hidden: 32, rng });
    const w = await n.snapshot();
    const B = 5;
    const K = 6;
    const states = rng.normalArray(B * 16, 1);
    const cands = rng.normalArray(B * K * 8, 1);
    const mask = new Float32Array(B * K);
    const counts = [1, 3, 6, 2, 5];
    counts.forEach((c, b) => mask.fill(1, b * K, b * K + c));
    for (let i = 0; i < mask.length; i++) if (!mask[i]) cands.fill(0, i * 8, i * 8 + 8);
    const q = await read(n.q(tf.tensor2d(states, [B, 16]), tf.tensor3d(cands, [B, K, 8]), tf.tensor2d(mask, [B, K])));
    counts.forEach((c, b) => {
      const js = qValuesJs(n, w, states.subarray(b * 16, b * 16 + 16), cands.subarray(b * K * 8, (b * K + c) * 8));
      expect(js).toHaveLength(c);
      js.forEach((x, k) => expect(q[b * K + k]).toBeCloseTo(x, 4));
    });
    n.dispose();
  });

  it('is initialised the same for the same seed, and He-normal: weight variance ≈ 2 / fan-in, biases 0', async () => {
    const [na, nb] = [createDuelingQ({ stateDim: 64, actionDim: 64, rng: new Rng(5) }), createDuelingQ({ stateDim: 64, actionDim: 64, rng: new Rng(5) })];
    const [a, b] = [await na.snapshot(), await nb.snapshot()];
    na.dispose();
    nb.dispose();
    expect(a).toEqual(b);
    const variance = (x: Float32Array) => x.reduce((s, v) => s + v * v, 0) / x.length;
    expect(variance(a[0])).toBeGreaterThan(0.8 * (2 / 64));
    expect(variance(a[0])).toBeLessThan(1.2 * (2 / 64));
    expect(variance(a[5])).toBeGreaterThan(0.8 * (2 / 128));
    expect(variance(a[5])).toBeLessThan(1.2 * (2 / 128));
    expect(Array.from(a[1]).every((x) => x === 0)).toBe(true);
  });

  it('soft-updates the target as θ′ ← τθ + (1 − τ)θ′, twice by hand', async () => {
    const online = handNet();
    const target = online.copy();
    expect(await target.snapshot()).toEqual(await online.snapshot());
    target.restore(HAND.map((w) => new Float32Array(w.length))); // θ′ = 0; the copy owns its own variables
    expect((await online.snapshot())[0]).toEqual(HAND[0]);
    softUpdate(target, online, 0.01);
    expect((await target.snapshot())[2][0]).toBeCloseTo(0.01, 7); // w_v2[0] = 1: 0.01·1 + 0.99·0
    softUpdate(target, online, 0.01);
    const t = await target.snapshot();
    expect(t[2][0]).toBeCloseTo(0.0199, 7); // 0.01·1 + 0.99·0.01
    expect(t[7][1]).toBeCloseTo(-0.0199, 7); // w_a2[1] = −1
    softUpdate(target, online, 1);
    expect(await target.snapshot()).toEqual(await online.snapshot());
    expect(() => softUpdate(target, online, 1.5)).toThrow(/τ/);
    online.dispose();
    target.dispose();
  });

  it('takes the argmax over valid candidates only', () => {
    expect(Array.from(maskedArgMax(f(1, 5, 9, 2, 0, 0), f(1, 1, 0, 0, 0, 0), 2, 3))).toEqual([1, -1]);
  });

  it('frees what it creates: parts, q and copy leave no tensors behind once disposed', () => {
    const n = handNet();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) parts(n).forEach((t) => t.dispose());
    const c = n.copy();
    c.dispose();
    expect(tf.memory().numTensors).toBe(before);
    n.dispose();
  });
});
