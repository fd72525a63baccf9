// The surrogates match hand computations and the dense πᵀDπ on tiny catalogues, and keep no tensors.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../../testing/tfSetup';
import { accuracyLoss, expectedDiversity, expectedNovelty } from './surrogates';

beforeAll(useWasm);

const read = (t: tf.Scalar) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

/** L2-normalised rows; a zero row stays zero. */
const normRows = (g: number[][]) => g.map((r) => {
  const n = Math.hypot(...r);
  return n > 0 ? r.map((x) => x / n) : r.map(() => 0);
});

/** The dense definition: mean_u Σ_ij π_i π_j (1 − cos(g_i, g_j)), cos = 0 when either vector is zero. */
function denseDiversity(pi: number[][], genres: number[][]): number {
  const g = normRows(genres);
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
  let total = 0;
  for (const p of pi) {
    let s = 0;
    for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) s += p[i] * p[j] * (1 - dot(g[i], g[j]));
    total += s;
  }
  return total / pi.length;
}

describe('accuracyLoss (multinomial NLL per target)', () => {
  it('is −mean_u Σ x log π / max(1, Σ x), by hand', () => {
    const pi = [[0.5, 0.25, 0.25], [0.1, 0.2, 0.7]];
    const x = [[1, 1, 0], [0, 0, 0]];
    // user 0: −(ln .5 + ln .25)/2; user 1 has no targets: 0.
    const expected = (-(Math.log(0.5) + Math.log(0.25)) / 2 + 0) / 2;
    const v = tf.tidy(() => accuracyLoss(tf.log(tf.tensor2d(pi)), tf.tensor2d(x)));
    expect(read(v)).toBeCloseTo(expected, 5);
  });

  it('stays finite when a masked item has log π = −∞ and is not a target', () => {
    const v = tf.tidy(() => accuracyLoss(tf.tensor2d([[Math.log(0.5), Math.log(0.5), -Infinity]]), tf.tensor2d([[1, 0, 0]])));
    expect(read(v)).toBeCloseTo(Math.log(2), 5);
  });
});

describe('expectedDiversity (πᵀDπ with D = 1 − cosine of genre vectors)', () => {
  const genres = [[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]];
  const pi = [[0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0], [0.5, 0.5, 0, 0], [0.1, 0.2, 0.3, 0.4]];

  it('equals the dense pairwise sum on a 4-item catalogue', () => {
    const v = tf.tidy(() => expectedDiversity(tf.tensor2d(pi), tf.tensor2d(normRows(genres))));
    expect(read(v)).toBeCloseTo(denseDiversity(pi, genres), 5);
  });

  it('is 0 on a single item and ½ on two items of disjoint genres, by hand', () => {
    const g = tf.tensor2d(normRows(genres));
    expect(read(expectedDiversity(tf.tensor2d([[1, 0, 0, 0]]), g))).toBeCloseTo(0, 6);
    // Two independent draws from {a, b} differ with probability ½, at distance 1.
    expect(read(expectedDiversity(tf.tensor2d([[0.5, 0.5, 0, 0]]), g))).toBeCloseTo(0.5, 6);
    g.dispose();
  });

  it('treats a genre-less item (zero row) as distance 1 from everything, itself included', () => {
    const withEmpty = [[1, 0], [0, 0]];
    const g = tf.tensor2d(normRows(withEmpty));
    // All mass on the genre-less item: D_ii = 1, so the "diversity" is the maximum, 1.
    expect(read(expectedDiversity(tf.tensor2d([[0, 1]]), g))).toBeCloseTo(1, 6);
    expect(read(expectedDiversity(tf.tensor2d([[0.5, 0.5]]), g))).toBeCloseTo(denseDiversity([[0.5, 0.5]], withEmpty), 6);
    expect(denseDiversity([[0.5, 0.5]], withEmpty)).toBeCloseTo(0.75, 6);
    g.dispose();
  });

  it('has the dense gradient through a softmax', () => {
    const logits = tf.tensor2d([[0.3, -0.2, 1.1, 0.0]]);
    const g = tf.tensor2d(normRows(genres));
    const D = tf.tidy(() => tf.sub(1, tf.matMul(g, g, false, true)));
    const ours = tf.grad((z: tf.Tensor) => expectedDiversity(tf.softmax(z) as tf.Tensor2D, g))(logits);
    const dense = tf.grad((z: tf.Tensor) => {
      const p = tf.softmax(z) as tf.Tensor2D;
      return tf.sum(tf.mul(tf.matMul(p, D), p));
    })(logits);
    const a = Array.from(ours.dataSync());
    const b = Array.from(dense.dataSync());
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 5));
    tf.dispose([logits, g, D, ours, dense]);
  });
});

describe('expectedNovelty', () => {
  it('is mean_u πᵀn, by hand', () => {
    const v = tf.tidy(() => expectedNovelty(tf.tensor2d([[0.5, 0.5, 0], [0, 0, 1]]), tf.tensor1d([0.2, 0.4, 1])));
    expect(read(v)).toBeCloseTo((0.3 + 1) / 2, 6);
  });
});

describe('the surrogates own their tensors', () => {
  it('leave the tensor count unchanged, gradients included', () => {
    const z = tf.tensor2d([[0.1, 0.2, 0.3], [0.3, 0.1, 0.0]]);
    const x = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
    const g = tf.tensor2d(normRows([[1, 0], [0, 1], [1, 1]]));
    const n = tf.tensor1d([0.1, 0.5, 0.9]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const grad = tf.grad((l: tf.Tensor) => {
        const p = tf.softmax(l) as tf.Tensor2D;
        return tf.addN([accuracyLoss(tf.logSoftmax(l) as tf.Tensor2D, x), tf.neg(expectedDiversity(p, g)), tf.neg(expectedNovelty(p, n))]);
      })(z);
      grad.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, x, g, n]);
  });
});
