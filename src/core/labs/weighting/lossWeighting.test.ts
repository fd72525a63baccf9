// Each loss-side weighting method against hand computations and its defining behaviour on toy problems.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../../testing/tfSetup';
import { dwa, dwaWeights, fixedWeights, gradNorm, normaliseWeights, uncertaintyWeighting, type LossWeighting } from './lossWeighting';

beforeAll(useWasm);

const scalars = (xs: number[]) => xs.map((x) => tf.scalar(x));
const combined = (m: LossWeighting, xs: number[]) => {
  const t = tf.tidy(() => m.combine(scalars(xs)));
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('fixedWeights', () => {
  it('combines as Σ b_k L_k and shows the weights normalised', () => {
    const m = fixedWeights([0.2, 0.6]);
    expect(combined(m, [1, 2])).toBeCloseTo(1.4, 6);
    expect(m.weights()[0]).toBeCloseTo(0.25, 12);
    m.set([1, 1]);
    expect(combined(m, [1, 2])).toBeCloseTo(3, 6);
  });

  it('rejects negative, NaN and all-zero weights, naming the bad one', () => {
    expect(() => fixedWeights([0.5, -1])).toThrow(/b\[1\] = -1/);
    expect(() => fixedWeights([NaN, 1])).toThrow(/b\[0\] = NaN/);
    expect(() => fixedWeights([0, 0])).toThrow(/all weights are 0/);
  });
});

describe('uncertainty weighting (Kendall et al.)', () => {
  it('starts at s = 0: L = ½ Σ L_k, and ∂L/∂s_k = ½(1 − e^{−s_k} L_k)', () => {
    const m = uncertaintyWeighting(2);
    expect(combined(m, [4, 0.25])).toBeCloseTo(0.5 * 4.25, 6);
    const { grads, value } = tf.variableGrads(() => m.combine(scalars([4, 0.25])), m.variables());
    expect(Array.from(grads[m.s.name].dataSync())).toEqual([expect.closeTo(-1.5, 6), expect.closeTo(0.375, 6)]);
    tf.dispose([value, ...Object.values(grads)]);
    expect(m.rawWeights()).toEqual([0.5, 0.5]);
    m.dispose();
  });

  it('moves s_k toward log L_k under gradient descent, so the larger loss gets the smaller weight', () => {
    const m = uncertaintyWeighting(2);
    const opt = tf.train.sgd(0.5);
    for (let i = 0; i < 300; i++) opt.minimize(() => m.combine(scalars([4, 0.25])), false, m.variables());
    const s = Array.from(m.s.dataSync());
    expect(s[0]).toBeCloseTo(Math.log(4), 3);
    expect(s[1]).toBeCloseTo(Math.log(0.25), 3);
    const w = m.weights();
    // e^{−s} ∝ 1/L: weights 1/4 : 4, normalised.
    expect(w[0]).toBeCloseTo(0.25 / 4.25, 3);
    expect(sum(w)).toBeCloseTo(1, 12);
    opt.dispose();
    m.dispose();
  });
});

describe('DWA (Liu et al.)', () => {
  it('computes λ = K softmax((L(t−1)/L(t−2))/T) by hand', () => {
    // Ratios 0.5 and 1, /T = 0.25 and 0.5: λ = 2 e^{.25}/(e^{.25}+e^{.5}), 2 e^{.5}/(e^{.25}+e^{.5}).
    const w = dwaWeights([0.5, 2], [1, 2], 2);
    expect(w[0]).toBeCloseTo(0.8756469982284038, 12);
    expect(w[1]).toBeCloseTo(1.1243530017715964, 12);
  });

  it('is 1 for the first two epochs, then follows the epoch-average losses', () => {
    const m = dwa(2);
    m.recordStep([1, 2]);
    m.recordStep([1, 2]);
    m.endEpoch(); // epoch 0 average [1, 2]
    expect(m.rawWeights()).toEqual([1, 1]);
    m.recordStep([0.4, 2]);
    m.recordStep([0.6, 2]);
    expect(m.rawWeights()).toEqual([1, 1]); // epoch 1 still running
    m.endEpoch(); // epoch 1 average [0.5, 2]
    const w = m.rawWeights();
    expect(w[0]).toBeCloseTo(0.8756469982284038, 12);
    expect(sum(w)).toBeCloseTo(2, 12);
    expect(combined(m, [1, 1])).toBeCloseTo(2, 5);
    // The task whose loss did not fall gets more weight.
    expect(m.weights()[1]).toBeGreaterThan(m.weights()[0]);
  });

  it('in step mode, uses the last two steps', () => {
    const m = dwa(2, { mode: 'step' });
    m.recordStep([1, 2]);
    expect(m.rawWeights()).toEqual([1, 1]);
    m.recordStep([0.5, 2]);
    expect(m.rawWeights()[0]).toBeCloseTo(0.8756469982284038, 12);
  });

  it('stays finite for zero, huge and non-finite losses', () => {
    const m = dwa(3, { mode: 'step' });
    m.recordStep([0, 1e30, 1]);
    m.recordStep([5, 1e-30, NaN]); // skipped: not finite
    m.recordStep([5, 1e-30, 1]);
    const w = m.rawWeights();
    expect(w.every(Number.isFinite)).toBe(true);
    expect(sum(w)).toBeCloseTo(3, 9);
    expect(dwaWeights([1e300, 1], [1e-300, 1]).every(Number.isFinite)).toBe(true);
  });
});

describe('GradNorm (Chen et al.)', () => {
  /**
   * Two tasks on two coordinates of one shared W: L1 = 10 (W0 − 1)² + 0.01 trains fast (steep),
   * L2 = 0.1 (W1 − 1)² + 0.01 slowly (shallow).
   */
  const toy = (W: tf.Variable) => (): tf.Scalar[] => {
    const [a, b] = tf.split(W, 2) as tf.Tensor1D[];
    return [
      tf.add(tf.mul(10, tf.sum(tf.square(tf.sub(a, 1)))), 0.01) as tf.Scalar,
      tf.add(tf.mul(0.1, tf.sum(tf.square(tf.sub(b, 1)))), 0.01) as tf.Scalar,
    ];
  };

  it('moves weight toward the task that trains slower, keeping Σ w = K and every weight finite', () => {
    const W = tf.variable(tf.zeros([2]), true);
    const losses = toy(W);
    const m = gradNorm(2, { shared: W, alpha: 1.5, learningRate: 0.025 });
    const opt = tf.train.sgd(0.01);
    for (let i = 0; i < 100; i++) {
      m.update(losses);
      opt.minimize(() => m.combine(losses()), false, [W]);
    }
    const w = m.rawWeights();
    expect(w.every(Number.isFinite)).toBe(true);
    expect(sum(w)).toBeCloseTo(2, 4);
    expect(w[1]).toBeGreaterThan(1.2);
    expect(w[1]).toBeGreaterThan(w[0]);
    tf.dispose([W]);
    opt.dispose();
    m.dispose();
  });

  it('treats a task that does not touch W as having gradient norm 0, and stays finite', () => {
    const W = tf.variable(tf.ones([2]), true);
    const m = gradNorm(2, { shared: W });
    m.update(() => [tf.sum(tf.square(W)) as tf.Scalar, tf.scalar(1)]);
    expect(m.rawWeights().every(Number.isFinite)).toBe(true);
    W.dispose();
    m.dispose();
  });
});

describe('the weighting methods own their tensors', () => {
  it('keep the tensor count flat over many steps of a small two-task model', () => {
    const W = tf.variable(tf.tensor1d([0.3, -0.2]), true);
    const losses = () => [tf.add(tf.sum(tf.square(W)), 0.1) as tf.Scalar, tf.add(tf.sum(tf.square(tf.sub(W, 1))), 0.1) as tf.Scalar];
    const methods: LossWeighting[] = [fixedWeights([0.5, 0.5]), uncertaintyWeighting(2), dwa(2, { mode: 'step' }), gradNorm(2, { shared: W })];
    for (const m of methods) {
      const opt = tf.train.adam(0.01);
      const step = () => {
        if (m.method === 'gradnorm') (m as ReturnType<typeof gradNorm>).update(losses);
        const loss = opt.minimize(() => m.combine(losses()), true, [W, ...m.variables()])!;
        if (m.method === 'dwa') (m as ReturnType<typeof dwa>).recordStep([loss.dataSync()[0], 1]);
        loss.dispose();
      };
      step(); // the optimiser creates its slots on the first step
      const before = tf.memory().numTensors;
      for (let i = 0; i < 20; i++) step();
      expect(tf.memory().numTensors, m.method).toBe(before);
      expect(m.weights().every(Number.isFinite)).toBe(true);
      expect(sum(m.weights())).toBeCloseTo(1, 6);
      opt.dispose();
      m.dispose();
    }
    W.dispose();
  });

  it('normaliseWeights falls back to uniform when the sum is not positive', () => {
    expect(normaliseWeights([0, 0])).toEqual([0.5, 0.5]);
    expect(normaliseWeights([1, 3])).toEqual([0.25, 0.75]);
  });
});

describe('the weighting methods free what they create', () => {
  it('leave no tensor behind after dispose', () => {
    const W = tf.variable(tf.ones([2]), true);
    const before = tf.memory().numTensors;
    const losses = () => [tf.sum(tf.square(W)) as tf.Scalar, tf.sum(W) as tf.Scalar];
    const uw = uncertaintyWeighting(2);
    const gn = gradNorm(2, { shared: W });
    gn.update(losses);
    gn.update(losses);
    uw.dispose();
    gn.dispose();
    expect(tf.memory().numTensors).toBe(before);
    W.dispose();
  });
});
