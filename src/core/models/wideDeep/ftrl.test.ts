// FTRL-Proximal step by step against hand-computed numbers.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../../testing/tfSetup';
import { Ftrl } from './ftrl';

beforeAll(useWasm);

describe('Ftrl', () => {
  it('follows σ = (√(n+g²) − √n)/α, z += g − σw, n += g², w = −(z − sign(z)λ₁)/((β + √n)/α + λ₂)', async () => {
    const w = tf.variable(tf.tensor1d([0, 0, 0]));
    const ftrl = new Ftrl(w, { alpha: 0.5, beta: 1, l1: 0.1, l2: 0 });
    // Step 1, coordinate 0: g = 2, n = 4, σ = 4, z = 2, w = −(2 − 0.1)/((1 + 2)/0.5) = −1.9/6.
    // Coordinate 1: g = 0.05 → |z| = 0.05 ≤ λ₁ → w = 0. Coordinate 2: g = 0 → unchanged.
    ftrl.apply(tf.tensor1d([2, 0.05, 0]));
    const w1 = await w.data();
    expect(w1[0]).toBeCloseTo(-1.9 / 6, 6);
    expect(w1[1]).toBe(0);
    expect(w1[2]).toBe(0);
    // Step 2, coordinate 0: g = −1, n = 5, σ = (√5 − 2)/0.5, z = 2 − 1 − σ·w1, w = −(z − sign(z)·0.1)/((1 + √5)/0.5).
    ftrl.apply(tf.tensor1d([-1, 0, 0]));
    const sigma = (Math.sqrt(5) - 2) / 0.5;
    const z = 1 - sigma * (-1.9 / 6);
    const expected = -(z - Math.sign(z) * 0.1) / ((1 + Math.sqrt(5)) / 0.5);
    const w2 = await w.data();
    expect(w2[0]).toBeCloseTo(expected, 5);
    // A coordinate without gradient keeps its weight: the dense update is the sparse one.
    expect(w2[1]).toBe(0);
    ftrl.dispose();
    w.dispose();
  });

  it('leaves no tensor behind per step', () => {
    const w = tf.variable(tf.tensor1d([0, 0]));
    const ftrl = new Ftrl(w, { alpha: 0.1, beta: 1, l1: 0, l2: 0 });
    const g = tf.tensor1d([1, -1]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) ftrl.apply(g);
    expect(tf.memory().numTensors).toBe(before);
    g.dispose();
    ftrl.dispose();
    w.dispose();
  });
});
