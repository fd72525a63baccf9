// The sparse first layer gives the dense X̃·W₁ exactly: values and gradients, with dropout and empty rows.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { selectBackend } from '../../tf/backends';
import { buildInputBatch, denseFirstLayer, denseInput, sparseFirstLayer, type InputBatch } from './firstLayer';

beforeAll(useWasm);

const I = 6;
const H = 3;
// An empty row in the middle and one at the end (a segment sum stops at its last non-empty row).
const ROWS = [Int32Array.of(0, 2), Int32Array.of(1, 2, 5), Int32Array.of(), Int32Array.of(3), Int32Array.of()];
const W = Float32Array.from({ length: I * H }, (_, j) => ((j * 7) % 11) / 10 - 0.5);
const G = Float32Array.from({ length: ROWS.length * H }, (_, j) => ((j * 5) % 7) / 3 - 1);

/** Value and ∂/∂W₁ of Σ (layer(W₁) ⊙ G), by `layer`. */
async function valueAndGrad(layer: (w: tf.Tensor2D) => tf.Tensor2D): Promise<{ value: number[]; grad: number[] }> {
  const w = tf.tensor2d(W, [I, H]);
  const g = tf.tensor2d(G, [ROWS.length, H]);
  const value = tf.tidy(() => layer(w));
  const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(layer(x as tf.Tensor2D), g)))(w);
  const out = { value: Array.from(await value.data()), grad: Array.from(await grad.data()) };
  tf.dispose([w, g, value, grad]);
  return out;
}

/** Plain tfjs: the dense matrix times W₁, autodiff gradient. */
const reference = (batch: InputBatch) => (w: tf.Tensor2D) => tf.matMul(tf.tensor2d(denseInput(batch, I), [batch.size, I]), w) as tf.Tensor2D;

describe('the input batch', () => {
  it('L2-normalises each row: every clicked item gets 1/√n, an empty row 0', () => {
    const b = buildInputBatch(ROWS, { training: false, dropout: 0.5 });
    expect(Array.from(b.items)).toEqual([0, 2, 1, 2, 5, 3]);
    expect(Array.from(b.rowOf)).toEqual([0, 0, 1, 1, 1, 3]);
    expect(b.scale[0]).toBeCloseTo(1 / Math.SQRT2, 6);
    expect(b.scale[1]).toBeCloseTo(1 / Math.sqrt(3), 6);
    expect(b.scale[2]).toBe(0);
    expect(b.scale[3]).toBe(1);
  });

  it('while training, drops items with the seeded RNG and scales the kept ones by 1/(1 − p), before-dropout norm', () => {
    const rows = [Int32Array.from({ length: 400 }, (_, i) => i)];
    const a = buildInputBatch(rows, { training: true, dropout: 0.5, rng: new Rng(9) });
    const b = buildInputBatch(rows, { training: true, dropout: 0.5, rng: new Rng(9) });
    expect(Array.from(a.items)).toEqual(Array.from(b.items));
    expect(a.items.length).toBeGreaterThan(160);
    expect(a.items.length).toBeLessThan(240);
    expect(a.scale[0]).toBeCloseTo(1 / (20 * 0.5), 6);
    expect(() => buildInputBatch(rows, { training: true, dropout: 0.5 })).toThrow(/Rng/);
  });
});

describe('the sparse first layer', () => {
  it('equals the dense X̃·W₁ in value and gradient (evaluation batch, empty rows included)', async () => {
    const batch = buildInputBatch(ROWS, { training: false, dropout: 0.5 });
    const ref = await valueAndGrad(reference(batch));
    const sparse = await valueAndGrad((w) => sparseFirstLayer(w, batch));
    const dense = await valueAndGrad((w) => denseFirstLayer(w, batch));
    for (const got of [sparse, dense]) {
      got.value.forEach((v, j) => expect(v).toBeCloseTo(ref.value[j], 5));
      got.grad.forEach((v, j) => expect(v).toBeCloseTo(ref.grad[j], 5));
    }
    // By hand: row 2 is empty, so its output is 0; item 4 is never clicked, so its gradient row is 0.
    expect(sparse.value.slice(2 * H, 3 * H)).toEqual([0, 0, 0]);
    expect(sparse.grad.slice(4 * H, 5 * H)).toEqual([0, 0, 0]);
    // Item 3 is user 3's only click (scale 1): ∂/∂W₁[3] = G[3].
    sparse.grad.slice(3 * H, 4 * H).forEach((v, k) => expect(v).toBeCloseTo(G[3 * H + k], 6));
  });

  it('equals it on a dropout-corrupted training batch, and on a batch with no kept item at all', async () => {
    const batch = buildInputBatch(ROWS, { training: true, dropout: 0.5, rng: new Rng(4) });
    const ref = await valueAndGrad(reference(batch));
    const sparse = await valueAndGrad((w) => sparseFirstLayer(w, batch));
    sparse.value.forEach((v, j) => expect(v).toBeCloseTo(ref.value[j], 5));
    sparse.grad.forEach((v, j) => expect(v).toBeCloseTo(ref.grad[j], 5));

    const empty = buildInputBatch([Int32Array.of(), Int32Array.of()], { training: false, dropout: 0.5 });
    const w = tf.tensor2d(W, [I, H]);
    const out = sparseFirstLayer(w, empty);
    expect(out.shape).toEqual([2, H]);
    expect(Array.from(await out.data())).toEqual([0, 0, 0, 0, 0, 0]);
    tf.dispose([w, out]);
  });

  it('leaves no tensors behind inside tf.tidy, forward and backward', () => {
    const batch = buildInputBatch(ROWS, { training: false, dropout: 0.5 });
    const w = tf.variable(tf.tensor2d(W, [I, H]));
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.sum(sparseFirstLayer(w, batch)), [w]);
      return grads[w.name];
    }).dispose();
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  });
});

describe('on the cpu backend', () => {
  it('the sparse first layer equals the dense one too (SparseSegmentSum is native there as well)', async () => {
    await selectBackend('cpu');
    try {
      expect(tf.getBackend()).toBe('cpu');
      const batch = buildInputBatch(ROWS, { training: true, dropout: 0.5, rng: new Rng(4) });
      const ref = await valueAndGrad(reference(batch));
      const sparse = await valueAndGrad((w) => sparseFirstLayer(w, batch));
      sparse.value.forEach((v, j) => expect(v).toBeCloseTo(ref.value[j], 5));
      sparse.grad.forEach((v, j) => expect(v).toBeCloseTo(ref.grad[j], 5));
    } finally {
      await useWasm();
    }
  });
});
